-- Latest events in list order (latest first: undated last, then date descending, then id), with their
-- type and dates: a filtered list, the network's latest 5,000 events and the events page walk this
-- index in order and stop at their limit, checking each event against the filter, instead of reading
-- every matching event's row and sorting them all (issue 9).
CREATE INDEX events_list ON events (latest, (date_lo IS NULL), date_lo DESC, id) INCLUDE (type, date_hi);
ANALYZE events;
