-- Indexes for the web interface's filters (issue 9). Only derived data: the upgrade keeps every row.

-- events --text: a trigram index over the normalized evidence, so LIKE '%word%' searches the index
-- instead of reading every event (external content: the text itself stays in events only).
CREATE VIRTUAL TABLE events_fts USING fts5 (evidence_key, content = 'events', content_rowid = 'id', tokenize = 'trigram');
INSERT INTO events_fts (events_fts) VALUES ('rebuild');
CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_fts (rowid, evidence_key) VALUES (new.id, new.evidence_key);
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, evidence_key) VALUES ('delete', old.id, old.evidence_key);
END;
CREATE TRIGGER events_fts_update AFTER UPDATE OF evidence_key ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, evidence_key) VALUES ('delete', old.id, old.evidence_key);
    INSERT INTO events_fts (rowid, evidence_key) VALUES (new.id, new.evidence_key);
END;

-- --country/--with: the countries on each side of each event, so a country (pair) is an index range
-- (an intersection for a pair) rather than a walk through every actor's events. Event actors are
-- written with their event and deleted with it; an actor's country is never changed.
CREATE TABLE event_countries (
    country TEXT NOT NULL,
    role TEXT NOT NULL,
    event_id INTEGER NOT NULL,
    PRIMARY KEY (country, role, event_id)
) WITHOUT ROWID;
CREATE INDEX event_countries_event ON event_countries (event_id);
INSERT INTO event_countries (country, role, event_id)
    SELECT DISTINCT a.country, ea.role, ea.event_id FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
    WHERE a.country IS NOT NULL;
CREATE TRIGGER event_countries_insert AFTER INSERT ON event_actors BEGIN
    INSERT OR IGNORE INTO event_countries (country, role, event_id)
        SELECT country, new.role, new.event_id FROM actors WHERE id = new.actor_id AND country IS NOT NULL;
END;
CREATE TRIGGER event_countries_delete AFTER DELETE ON events BEGIN
    DELETE FROM event_countries WHERE event_id = old.id;
END;

-- Actor autocomplete: each distinct way an actor is written in the articles, with how many entities
-- say it, instead of a scan of every entity. Entities are only inserted and deleted, never updated.
CREATE TABLE actor_mentions (
    actor_id TEXT NOT NULL,
    text TEXT NOT NULL,
    entities INTEGER NOT NULL,
    PRIMARY KEY (actor_id, text)
);
INSERT INTO actor_mentions (actor_id, text, entities)
    SELECT actor_id, text, COUNT(*) FROM entities WHERE actor_id IS NOT NULL GROUP BY actor_id, text;
CREATE TRIGGER actor_mentions_insert AFTER INSERT ON entities WHEN new.actor_id IS NOT NULL BEGIN
    INSERT INTO actor_mentions (actor_id, text, entities) VALUES (new.actor_id, new.text, 1)
        ON CONFLICT (actor_id, text) DO UPDATE SET entities = entities + 1;
END;
CREATE TRIGGER actor_mentions_delete AFTER DELETE ON entities WHEN old.actor_id IS NOT NULL BEGIN
    UPDATE actor_mentions SET entities = entities - 1 WHERE actor_id = old.actor_id AND text = old.text;
    DELETE FROM actor_mentions WHERE actor_id = old.actor_id AND text = old.text AND entities = 0;
END;

-- A counter bumped by every change of documents, events or actors: readers cache what they compute
-- over the whole store (the filter bar's countries and types) until it moves.
CREATE TABLE data_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 0);
CREATE TRIGGER data_version_documents_insert AFTER INSERT ON documents BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER data_version_documents_update AFTER UPDATE ON documents BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER data_version_documents_delete AFTER DELETE ON documents BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER data_version_events_insert AFTER INSERT ON events BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER data_version_events_update AFTER UPDATE ON events BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER data_version_events_delete AFTER DELETE ON events BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER data_version_actors_insert AFTER INSERT ON actors BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER data_version_actors_update AFTER UPDATE ON actors BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER data_version_actors_delete AFTER DELETE ON actors BEGIN UPDATE data_version SET version = version + 1; END;
