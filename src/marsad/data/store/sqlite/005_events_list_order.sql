-- Latest events in list order (latest first: undated last, then date descending, then id), with their
-- type: a filtered list, the network's latest 5,000 events and the events page walk this index in order
-- and stop at their limit, checking each event against the filter (event_countries, the trigram
-- index), instead of reading every matching event's row (latest is its last column, after the evidence)
-- and sorting them all. Issue 9: 16,870 SAU events sorted took 35-50 ms at 100,000 events.
CREATE INDEX events_list ON events (latest, (date_lo IS NULL), date_lo DESC, id, type);
