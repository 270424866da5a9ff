-- Indexes for the web interface's filters (issue 9); same tables as ../sqlite/002_search_indexes.sql.
-- Only derived data: the upgrade keeps every row.

-- events --text: a trigram index lets LIKE '%word%' on the normalized evidence search the index.
-- Without the pg_trgm extension (or the right to create it) the same LIKE reads every event instead.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX events_evidence_trgm ON events USING GIN (evidence_key gin_trgm_ops);
EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
    RAISE NOTICE 'pg_trgm unavailable: events --text reads every event';
END
$$;

-- --country/--with: the countries on each side of each event, so a country (pair) is an index range
-- (an intersection for a pair) rather than a walk through every actor's events. Event actors are
-- written with their event and deleted with it; an actor's country is never changed.
CREATE TABLE event_countries (
    country TEXT NOT NULL,
    role TEXT NOT NULL,
    event_id BIGINT NOT NULL,
    PRIMARY KEY (country, role, event_id)
);
CREATE INDEX event_countries_event ON event_countries (event_id);
INSERT INTO event_countries (country, role, event_id)
    SELECT DISTINCT a.country, ea.role, ea.event_id FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
    WHERE a.country IS NOT NULL;
CREATE FUNCTION event_countries_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO event_countries (country, role, event_id)
        SELECT country, NEW.role, NEW.event_id FROM actors WHERE id = NEW.actor_id AND country IS NOT NULL
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER event_countries_insert AFTER INSERT ON event_actors FOR EACH ROW
    EXECUTE FUNCTION event_countries_insert();
CREATE FUNCTION event_countries_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM event_countries WHERE event_id = OLD.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER event_countries_delete AFTER DELETE ON events FOR EACH ROW
    EXECUTE FUNCTION event_countries_delete();

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
CREATE FUNCTION actor_mentions_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO actor_mentions (actor_id, text, entities) VALUES (NEW.actor_id, NEW.text, 1)
            ON CONFLICT (actor_id, text) DO UPDATE SET entities = actor_mentions.entities + 1;
    ELSE
        UPDATE actor_mentions SET entities = entities - 1 WHERE actor_id = OLD.actor_id AND text = OLD.text;
        DELETE FROM actor_mentions WHERE actor_id = OLD.actor_id AND text = OLD.text AND entities = 0;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER actor_mentions_insert AFTER INSERT ON entities FOR EACH ROW WHEN (NEW.actor_id IS NOT NULL)
    EXECUTE FUNCTION actor_mentions_count();
CREATE TRIGGER actor_mentions_delete AFTER DELETE ON entities FOR EACH ROW WHEN (OLD.actor_id IS NOT NULL)
    EXECUTE FUNCTION actor_mentions_count();

-- A counter bumped by every change of documents, events or actors: readers cache what they compute
-- over the whole store (the filter bar's countries and types) until it moves.
CREATE TABLE data_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 0);
CREATE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_version SET version = version + 1;
    RETURN NULL;
END
$$;
CREATE TRIGGER data_version_documents AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON documents
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER data_version_events AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER data_version_actors AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON actors
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
