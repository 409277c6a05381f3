-- Records a program keeps beside its applications (loans, settlement sites, cooperatives, a county's risk fund), their
-- actions and their dated entries. Scoped like applications: by the region code a record belongs to.

CREATE TABLE program_record (
    id             TEXT    PRIMARY KEY,
    program        TEXT    NOT NULL,
    type           TEXT    NOT NULL,
    household_id   TEXT,
    member_id      TEXT,
    application_id TEXT,
    region         TEXT    NOT NULL,           -- the household's or application's village, or the region of the record
    state          TEXT    NOT NULL,
    data           TEXT    NOT NULL,           -- the record form's values, JSON
    version        INTEGER NOT NULL,
    created_by     TEXT    NOT NULL,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
);
CREATE INDEX program_record_by_region ON program_record (program, type, region);
CREATE INDEX program_record_by_household ON program_record (household_id, program);
CREATE INDEX program_record_by_application ON program_record (application_id);

-- What happened to a record, in order: its creation, each change of its values, each action and each entry.
CREATE TABLE program_record_event (
    record_id   TEXT    NOT NULL REFERENCES program_record (id),
    seq         INTEGER NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('CREATE', 'EDIT', 'ACTION', 'ENTRY')),
    name        TEXT,                           -- the action or the entry type
    date        TEXT,                           -- an entry's date
    from_state  TEXT,
    to_state    TEXT,
    amount_fen  INTEGER CHECK (amount_fen >= 0), -- an entry's amount, when its type sums one
    data        TEXT,
    note        TEXT,
    actor       TEXT    NOT NULL,
    at          TEXT    NOT NULL,
    PRIMARY KEY (record_id, seq)
) WITHOUT ROWID;
