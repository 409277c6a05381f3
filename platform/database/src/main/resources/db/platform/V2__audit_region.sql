-- The region each record concerns, so that every reader sees the records within their own region. Records written
-- before stay without one (the table is append-only): only the household trail and readers of the whole country see them.
ALTER TABLE audit ADD COLUMN region TEXT;
CREATE INDEX audit_by_region ON audit (region, id);
CREATE INDEX audit_by_actor ON audit (actor, id);
