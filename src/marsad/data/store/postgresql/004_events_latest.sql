-- Whether an event belongs to the latest version of its document, copied from documents.latest: every
-- event filter needs it, and reading it from the events avoids one document lookup per candidate event.
ALTER TABLE events ADD COLUMN latest INTEGER NOT NULL DEFAULT 1;
UPDATE events SET latest = 0 WHERE document_pk IN (SELECT pk FROM documents WHERE latest = 0);
CREATE FUNCTION events_latest_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.latest := (SELECT latest FROM documents WHERE pk = NEW.document_pk);
    RETURN NEW;
END
$$;
CREATE TRIGGER events_latest_insert BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION events_latest_insert();
CREATE FUNCTION events_latest_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE events SET latest = NEW.latest WHERE document_pk = NEW.pk;
    RETURN NULL;
END
$$;
CREATE TRIGGER events_latest_update AFTER UPDATE OF latest ON documents FOR EACH ROW
    WHEN (OLD.latest IS DISTINCT FROM NEW.latest) EXECUTE FUNCTION events_latest_update();
-- Planner statistics for the new column and the tables of 002: without them PostgreSQL guesses that
-- almost no event is latest and probes event_countries once per event.
ANALYZE events;
ANALYZE event_countries;
ANALYZE actor_mentions;
