-- Dossier store, schema 9: prefix indexes of 2 and 3 characters in the full-text index, so
-- a search for "co*" looks up one entry instead of walking every word that starts with "co"
-- (short prefixes are the costliest searches the server accepts). Rebuilt from its own rows.
CREATE VIRTUAL TABLE documents_fts_prefixed USING fts5(
    doc_id UNINDEXED,
    title,
    clean_text,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

INSERT INTO documents_fts_prefixed (doc_id, title, clean_text)
    SELECT doc_id, title, clean_text FROM documents_fts;

DROP TABLE documents_fts;

ALTER TABLE documents_fts_prefixed RENAME TO documents_fts;
