-- Dossier store, schema 1: the model as tables. Citations are stored inline
-- as (doc, start, end, quote) so each can be checked against documents.clean_text.
-- Rows that belong to a document or a story are deleted with it (ON DELETE CASCADE).

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    source TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('ok', 'duplicate', 'rejected')),
    reason TEXT,
    duplicate_of TEXT,
    media_type TEXT NOT NULL,
    raw_text TEXT NOT NULL,
    clean_text TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    author TEXT,
    dateline_place TEXT,
    page_date_text TEXT,
    metadata_date TEXT,
    folder_date TEXT,
    published_date TEXT,
    published_granularity TEXT,
    published_approximate INTEGER,
    published_basis TEXT NOT NULL,
    page_date TEXT,
    encoding TEXT,
    extra TEXT NOT NULL DEFAULT '{}'  -- JSON: fields added to Document after this schema
);

CREATE TABLE removals (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    reason TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (doc_id, position)
);

CREATE TABLE flags (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    PRIMARY KEY (doc_id, position)
);

CREATE TABLE shared_spans (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    other_doc TEXT NOT NULL,
    PRIMARY KEY (doc_id, position)
);

CREATE TABLE doc_mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (doc_id, position)
);

CREATE TABLE time_expressions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT,
    granularity TEXT,
    approximate INTEGER,
    kind TEXT NOT NULL,
    PRIMARY KEY (doc_id, position)
);

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    extra TEXT NOT NULL DEFAULT '{}'  -- JSON: fields added to Story after this schema
);

CREATE TABLE story_documents (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    PRIMARY KEY (story_id, position)
);
CREATE INDEX story_documents_doc ON story_documents(doc_id);

CREATE TABLE entities (
    pk INTEGER PRIMARY KEY,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    extra TEXT NOT NULL DEFAULT '{}',  -- JSON: fields added to Entity after this schema
    UNIQUE (story_id, id)
);

CREATE TABLE aliases (
    entity_pk INTEGER NOT NULL REFERENCES entities(pk) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    alias TEXT NOT NULL,
    PRIMARY KEY (entity_pk, position)
);

CREATE TABLE mentions (
    entity_pk INTEGER NOT NULL REFERENCES entities(pk) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    doc TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    quote TEXT NOT NULL,
    PRIMARY KEY (entity_pk, position)
);

CREATE TABLE roles (
    entity_pk INTEGER NOT NULL REFERENCES entities(pk) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    role TEXT NOT NULL,
    doc TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    quote TEXT NOT NULL,
    PRIMARY KEY (entity_pk, position)
);

CREATE TABLE attributes (
    entity_pk INTEGER NOT NULL REFERENCES entities(pk) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,  -- JSON: a number or a string, as stated
    doc TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    quote TEXT NOT NULL,
    PRIMARY KEY (entity_pk, position)
);

CREATE TABLE events (
    pk INTEGER PRIMARY KEY,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    date TEXT NOT NULL,
    granularity TEXT NOT NULL,
    approximate INTEGER NOT NULL,
    text TEXT NOT NULL,
    entity_ids TEXT NOT NULL,  -- JSON array of entity ids (of the same story)
    extra TEXT NOT NULL DEFAULT '{}',  -- JSON: fields added to Event after this schema
    UNIQUE (story_id, id)
);

CREATE TABLE event_citations (
    event_pk INTEGER NOT NULL REFERENCES events(pk) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    doc TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    quote TEXT NOT NULL,
    PRIMARY KEY (event_pk, position)
);

CREATE TABLE conflicts (
    pk INTEGER PRIMARY KEY,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    extra TEXT NOT NULL DEFAULT '{}',  -- JSON: fields added to Conflict after this schema
    UNIQUE (story_id, id)
);

CREATE TABLE conflict_sides (
    pk INTEGER PRIMARY KEY,
    conflict_pk INTEGER NOT NULL REFERENCES conflicts(pk) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (conflict_pk, position)
);

CREATE TABLE conflict_side_citations (
    side_pk INTEGER NOT NULL REFERENCES conflict_sides(pk) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    doc TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    quote TEXT NOT NULL,
    PRIMARY KEY (side_pk, position)
);

-- The headline (kind 'headline', position 0) and summary sentences.
CREATE TABLE sentences (
    pk INTEGER PRIMARY KEY,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('headline', 'summary')),
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (story_id, kind, position)
);

CREATE TABLE sentence_citations (
    sentence_pk INTEGER NOT NULL REFERENCES sentences(pk) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    doc TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    quote TEXT NOT NULL,
    PRIMARY KEY (sentence_pk, position)
);

CREATE TABLE claims (
    pk INTEGER PRIMARY KEY,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    doc TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    quote TEXT NOT NULL,
    speaker TEXT,
    modality TEXT NOT NULL,
    shared INTEGER NOT NULL,
    detail TEXT NOT NULL,  -- JSON: entity_ids, dates, numbers and any later fields
    UNIQUE (story_id, id)
);

CREATE TABLE corroborations (
    pk INTEGER PRIMARY KEY,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    text TEXT NOT NULL,
    outlets TEXT NOT NULL,  -- JSON array
    independent_sources INTEGER NOT NULL,
    UNIQUE (story_id, id)
);

CREATE TABLE corroboration_citations (
    corroboration_pk INTEGER NOT NULL REFERENCES corroborations(pk) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    doc TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    quote TEXT NOT NULL,
    PRIMARY KEY (corroboration_pk, position)
);

-- Full-text search over every document's title and clean text (kept in step by the store).
CREATE VIRTUAL TABLE documents_fts USING fts5(
    doc_id UNINDEXED,
    title,
    clean_text,
    tokenize = 'unicode61 remove_diacritics 2'
);
