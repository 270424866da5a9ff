-- marsad store, SQLite dialect. Same tables and columns as ../postgresql/001_initial.sql;
-- only types, identity columns and full-text search differ.
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    command TEXT NOT NULL,
    analyzer_version TEXT,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL,
    documents INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    events INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE documents (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    latest INTEGER NOT NULL DEFAULT 1,
    content_hash TEXT NOT NULL,
    title TEXT,
    url TEXT,
    outlet TEXT,
    published TEXT,
    published_source TEXT,
    published_given TEXT,
    lang TEXT,
    text TEXT NOT NULL,
    run_id INTEGER REFERENCES runs(id),
    stored_at TEXT NOT NULL,
    UNIQUE (id, content_hash),
    UNIQUE (id, version)
);
CREATE INDEX documents_latest ON documents (id) WHERE latest = 1;

CREATE VIRTUAL TABLE documents_fts USING fts5 (body, content = '', tokenize = 'unicode61 remove_diacritics 2');

CREATE TABLE analyses (
    id INTEGER PRIMARY KEY,
    document_pk INTEGER NOT NULL UNIQUE REFERENCES documents(pk) ON DELETE CASCADE,
    analyzer_version TEXT NOT NULL,
    data TEXT NOT NULL,
    analyzed_at TEXT NOT NULL
);
CREATE INDEX analyses_version ON analyses (analyzer_version);

CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    country TEXT,
    kind TEXT
);
CREATE INDEX actors_country ON actors (country);
CREATE INDEX actors_name_key ON actors (name_key);

CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    analysis_id INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    actor_id TEXT REFERENCES actors(id)
);
CREATE INDEX entities_analysis ON entities (analysis_id);
CREATE INDEX entities_actor ON entities (actor_id);

CREATE TABLE timexes (
    id INTEGER PRIMARY KEY,
    analysis_id INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT
);
CREATE INDEX timexes_analysis ON timexes (analysis_id);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    analysis_id INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
    document_pk INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
    type TEXT NOT NULL,
    mode TEXT,
    date TEXT,
    date_lo TEXT,
    date_hi TEXT,
    modality TEXT NOT NULL,
    location_name TEXT,
    location_key TEXT,
    location_country TEXT,
    confidence REAL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    evidence_text TEXT NOT NULL,
    evidence_key TEXT NOT NULL,
    context TEXT NOT NULL
);
CREATE INDEX events_analysis ON events (analysis_id);
CREATE INDEX events_document ON events (document_pk);
CREATE INDEX events_type_date ON events (type, date_lo);
CREATE INDEX events_date ON events (date_lo);

CREATE TABLE event_actors (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('source', 'target')),
    position INTEGER NOT NULL,
    actor_id TEXT NOT NULL REFERENCES actors(id),
    PRIMARY KEY (event_id, role, position)
);
CREATE INDEX event_actors_actor ON event_actors (actor_id, role);

CREATE TABLE errors (
    id INTEGER PRIMARY KEY,
    run_id INTEGER REFERENCES runs(id),
    origin TEXT NOT NULL,
    doc_id TEXT,
    stage TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (origin, stage, reason)
);
