-- Background jobs: one row each, kept after they end; progress is written about once a second while they run.
CREATE TABLE job (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    owner       TEXT NOT NULL,
    scope       TEXT NOT NULL,             -- the owner's region-code prefix; readers see the jobs within theirs
    state       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    started_at  TEXT,
    finished_at TEXT,
    done        INTEGER NOT NULL DEFAULT 0,
    total       INTEGER NOT NULL DEFAULT -1,
    counts      TEXT NOT NULL DEFAULT '{}',
    result      TEXT,
    error       TEXT
);
CREATE INDEX job_by_scope ON job (scope, created_at);
