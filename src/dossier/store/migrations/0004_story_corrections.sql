-- The user's corrections of the story grouping (merge two stories, split one, move a
-- document). Documents are named by content id, so a correction holds on every later build
-- and addition; every grouping applies them in order (dossier.stories.corrections). Never
-- touched when stories are rebuilt and replaced.
CREATE TABLE story_corrections (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'move')),
    documents TEXT NOT NULL,  -- JSON array of content ids
    target TEXT,              -- move: a content id of a document of the story it goes to
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
