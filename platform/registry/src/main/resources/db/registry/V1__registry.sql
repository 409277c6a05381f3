-- The shared household registry (建档立卡). The full household record is kept as a JSON document; the columns
-- beside it are what searches, reports and constraints need.

CREATE TABLE region (
    code   TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    level  INTEGER NOT NULL,          -- 1 province … 5 village
    parent TEXT
) WITHOUT ROWID;
CREATE INDEX region_parent ON region (parent, code);

CREATE TABLE region_dataset (
    name      TEXT PRIMARY KEY,
    rows      INTEGER NOT NULL,
    loaded_at TEXT NOT NULL
);

CREATE TABLE household (
    id              INTEGER PRIMARY KEY,
    version         INTEGER NOT NULL,
    village_code    TEXT NOT NULL,
    status          TEXT NOT NULL,
    attribute       TEXT NOT NULL,
    main_cause      TEXT NOT NULL,
    head_name       TEXT,
    head_id_number  TEXT,
    member_count    INTEGER NOT NULL,
    income_year     INTEGER,
    per_capita_fen  INTEGER,          -- 人均纯收入 of income_year, in fen
    doc             TEXT NOT NULL,    -- the household as JSON
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
-- Few indexes on purpose: every index is a random write per imported household. Searches always narrow by
-- region first (village_code), then filter the region's rows.
CREATE INDEX household_village ON household (village_code, id);
CREATE INDEX household_status ON household (status, village_code);

CREATE TABLE household_cause (
    household_id INTEGER NOT NULL REFERENCES household (id),
    cause        TEXT NOT NULL,
    main         INTEGER NOT NULL,
    PRIMARY KEY (household_id, cause)
) WITHOUT ROWID;
CREATE INDEX household_cause_by_cause ON household_cause (cause, household_id);

-- One person, one household, across the whole registry: the UNIQUE index is the last line of defence.
CREATE TABLE member (
    id           INTEGER PRIMARY KEY,
    household_id INTEGER NOT NULL REFERENCES household (id),
    id_number    TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL
);
CREATE INDEX member_household ON member (household_id);
CREATE INDEX member_name ON member (name, household_id);

CREATE TABLE status_change (
    id           INTEGER PRIMARY KEY,
    household_id INTEGER NOT NULL REFERENCES household (id),
    from_status  TEXT,
    to_status    TEXT NOT NULL,
    date         TEXT NOT NULL,
    reason       TEXT NOT NULL,
    actor        TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
);
CREATE INDEX status_change_household ON status_change (household_id, id);

CREATE TABLE member_change (
    id           INTEGER PRIMARY KEY,
    household_id INTEGER NOT NULL REFERENCES household (id),
    joined       INTEGER NOT NULL,
    member       TEXT NOT NULL,       -- the member as JSON at that moment
    reason       TEXT NOT NULL,
    date         TEXT NOT NULL,
    note         TEXT,
    actor        TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
);
CREATE INDEX member_change_household ON member_change (household_id, id);
