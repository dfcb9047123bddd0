-- Dossier store, schema 2: a case file that grows. Documents are identified by their
-- content (content_id) and remember every path they were read from; every run that
-- changes the store is a numbered build with a change log per story; outputs written
-- from the store are recorded; per-document results are cached by the hash of what they
-- were computed from; and the context later additions are compared against is kept.

ALTER TABLE documents ADD COLUMN content_id TEXT;
-- Hash of what the story stages read of the document (a story is recomputed when one
-- of its documents' fingerprints changes).
ALTER TABLE documents ADD COLUMN fingerprint TEXT;
-- Incremented when a later build changes the clean text (the old text is in clean_history).
ALTER TABLE documents ADD COLUMN clean_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE documents ADD COLUMN added_build INTEGER;
-- Which version of the incremental state computed the document's context rows below
-- (NULL: none yet; the next build computes them from the stored document).
ALTER TABLE documents ADD COLUMN context TEXT;
UPDATE documents SET content_id = dossier_content_id(raw_text, source);
CREATE INDEX documents_content ON documents(content_id);

CREATE TABLE document_sources (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    source TEXT NOT NULL,
    added_build INTEGER,
    PRIMARY KEY (doc_id, position)
);
CREATE INDEX document_sources_source ON document_sources(source);
INSERT INTO document_sources (doc_id, position, source) SELECT id, 0, source FROM documents;

-- Clean texts a later build replaced (citations made before point into these).
CREATE TABLE clean_history (
    doc_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    clean_text TEXT NOT NULL,
    replaced_build INTEGER NOT NULL,
    PRIMARY KEY (doc_id, version)
);

ALTER TABLE stories ADD COLUMN fingerprint TEXT;
ALTER TABLE stories ADD COLUMN created_build INTEGER;
ALTER TABLE stories ADD COLUMN updated_build INTEGER;

-- A story id that no longer exists and the story that took its documents.
CREATE TABLE story_aliases (
    old_id TEXT PRIMARY KEY,
    new_id TEXT NOT NULL,
    build INTEGER NOT NULL
);

CREATE TABLE builds (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('build', 'add', 'remove', 'rebuild')),
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    dossier_version TEXT NOT NULL,
    inputs TEXT NOT NULL DEFAULT '[]',   -- JSON arrays
    added TEXT NOT NULL DEFAULT '[]',
    removed TEXT NOT NULL DEFAULT '[]',
    stories TEXT NOT NULL DEFAULT '[]'
);

-- The change log: kept when a story is replaced, merged or removed.
CREATE TABLE changes (
    pk INTEGER PRIMARY KEY,
    build INTEGER NOT NULL REFERENCES builds(id),
    story_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX changes_story ON changes(story_id, build, position);

-- Files written from the store (dossier.json, report.html) and the build they show.
-- While an output is being replaced, `pending` names the finished temporary file.
CREATE TABLE outputs (
    path TEXT PRIMARY KEY,
    build INTEGER,
    sha256 TEXT,
    pending TEXT,
    pending_build INTEGER,
    pending_sha256 TEXT,
    written_at TEXT
);

-- Per-document stage results keyed by the hash of what the stage read (so NER or a parse
-- never runs twice on a known text), and sentence embeddings keyed by the sentence.
CREATE TABLE stage_cache (
    stage TEXT NOT NULL,
    version TEXT NOT NULL,
    key TEXT NOT NULL,
    doc_id TEXT NOT NULL,  -- the document it was computed for (its id inside the value)
    value BLOB NOT NULL,   -- zlib-compressed JSON, or raw float32 for embeddings
    PRIMARY KEY (stage, version, key)
) WITHOUT ROWID;

-- What later additions are compared with, so that adding a document reads only the
-- documents it touches: lines that count as repeated boilerplate when several documents
-- have them, year-less dates that dated documents fix (and undated ones need), MinHash
-- band keys of whole documents (kind 0) and paragraphs (kind 1), and story-grouping
-- features (word counts and folded entity names).
CREATE TABLE line_keys (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    PRIMARY KEY (doc_id, key)
) WITHOUT ROWID;
CREATE INDEX line_keys_key ON line_keys(key);

CREATE TABLE date_keys (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('gives', 'needs')),
    month INTEGER NOT NULL,
    day INTEGER NOT NULL,
    year INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX date_keys_doc ON date_keys(doc_id);
CREATE INDEX date_keys_day ON date_keys(month, day, role);

CREATE TABLE band_keys (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind INTEGER NOT NULL,
    band INTEGER NOT NULL,
    key INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX band_keys_key ON band_keys(kind, band, key);
CREATE INDEX band_keys_doc ON band_keys(doc_id);

CREATE TABLE doc_features (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    features TEXT NOT NULL  -- JSON
);
