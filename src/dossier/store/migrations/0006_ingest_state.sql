-- Dossier store, schema 6: what ingest read of each document (its fields before any stage
-- ran, as JSON, the raw text aside), so that a later build can run the stages on a stored
-- document again (when an added article changes what it shares or how it is dated) from
-- exactly what the first build started from.
ALTER TABLE documents ADD COLUMN ingested TEXT;
-- Documents that share a passage with a given document (updated when that one changes).
CREATE INDEX shared_spans_other ON shared_spans(other_doc);
