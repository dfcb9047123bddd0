-- A role claim says which side of a case it puts the person on ("prosecution", "defence",
-- "bench", "accused", ...; NULL when the role names none) and whether another source puts
-- the person on an incompatible side (the claim is disputed: kept per source, marked).
ALTER TABLE roles ADD COLUMN side TEXT;
ALTER TABLE roles ADD COLUMN disputed INTEGER NOT NULL DEFAULT 0;
