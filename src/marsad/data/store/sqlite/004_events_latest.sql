-- Whether an event belongs to the latest version of its document, copied from documents.latest: every
-- event filter needs it, and reading it from the events avoids one document lookup per candidate event.
ALTER TABLE events ADD COLUMN latest INTEGER NOT NULL DEFAULT 1;
UPDATE events SET latest = 0 WHERE document_pk IN (SELECT pk FROM documents WHERE latest = 0);
CREATE TRIGGER events_latest_insert AFTER INSERT ON events
    WHEN (SELECT latest FROM documents WHERE pk = new.document_pk) IS NOT new.latest BEGIN
    UPDATE events SET latest = (SELECT latest FROM documents WHERE pk = new.document_pk) WHERE id = new.id;
END;
CREATE TRIGGER events_latest_update AFTER UPDATE OF latest ON documents BEGIN
    UPDATE events SET latest = new.latest WHERE document_pk = new.pk;
END;
