-- Review marks: a reviewer confirms or dismisses a conflict or a merged spelling.
-- Keyed by content (see dossier.store.reviews), not by row ids, and never touched when
-- stories are rebuilt and replaced, so a mark survives rebuilds of the same material.
CREATE TABLE reviews (
    kind TEXT NOT NULL CHECK (kind IN ('conflict', 'merge')),
    key TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'dismissed')),
    note TEXT NOT NULL DEFAULT '',
    label TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (kind, key)
);
