-- Dossier store, schema 7: fields of the model's smaller records that have no column of
-- their own (fields added to the model later) are kept, as JSON beside the columns those
-- records already have, so that a story read back from the store is the story computed.
ALTER TABLE roles ADD COLUMN extra TEXT NOT NULL DEFAULT '{}';
ALTER TABLE attributes ADD COLUMN extra TEXT NOT NULL DEFAULT '{}';
ALTER TABLE conflict_sides ADD COLUMN extra TEXT NOT NULL DEFAULT '{}';
ALTER TABLE sentences ADD COLUMN extra TEXT NOT NULL DEFAULT '{}';
ALTER TABLE corroborations ADD COLUMN extra TEXT NOT NULL DEFAULT '{}';
ALTER TABLE doc_mentions ADD COLUMN extra TEXT NOT NULL DEFAULT '{}';
ALTER TABLE time_expressions ADD COLUMN extra TEXT NOT NULL DEFAULT '{}';
ALTER TABLE removals ADD COLUMN extra TEXT NOT NULL DEFAULT '{}';
ALTER TABLE flags ADD COLUMN extra TEXT NOT NULL DEFAULT '{}';
