-- Dossier store, schema 8: how many flags each document had before each corpus stage that
-- has no incremental form (JSON, e.g. {"date": 2}): an update runs such a stage over every
-- stored document again, from the state it had before the stage.
ALTER TABLE documents ADD COLUMN stage_marks TEXT NOT NULL DEFAULT '{}';
