-- Programs: county enablement, parameter overrides, applications with their workflow steps and benefits.
-- Plugins never see these tables; the platform stores, scopes (by village code) and audits everything.

CREATE TABLE program_enablement (
    county      TEXT    NOT NULL,            -- 6-digit county code; everything below inherits it
    program     TEXT    NOT NULL,
    enabled     INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    changed_by  TEXT    NOT NULL,
    changed_at  TEXT    NOT NULL,
    PRIMARY KEY (county, program)
) WITHOUT ROWID;

CREATE TABLE program_parameter (
    program     TEXT    NOT NULL,
    region      TEXT    NOT NULL,            -- 2-digit province or 6-digit county
    from_year   INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    value       TEXT    NOT NULL,            -- decimal as text, exact
    changed_by  TEXT    NOT NULL,
    changed_at  TEXT    NOT NULL,
    PRIMARY KEY (program, region, from_year, name)
) WITHOUT ROWID;

CREATE TABLE program_application (
    id           TEXT    PRIMARY KEY,
    program      TEXT    NOT NULL,
    household_id TEXT    NOT NULL,
    member_id    TEXT,
    village      TEXT    NOT NULL,
    state        TEXT    NOT NULL,
    data         TEXT    NOT NULL,           -- the application form's values, JSON
    version      INTEGER NOT NULL,
    notice_ends  TEXT,
    filed_year   INTEGER NOT NULL,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL
);
CREATE INDEX program_application_by_region ON program_application (program, village);
CREATE INDEX program_application_by_household ON program_application (household_id, program);

CREATE TABLE program_step (
    application_id TEXT    NOT NULL REFERENCES program_application (id),
    seq            INTEGER NOT NULL,
    action         TEXT    NOT NULL,
    from_state     TEXT,
    to_state       TEXT    NOT NULL,
    actor          TEXT    NOT NULL,
    at             TEXT    NOT NULL,
    note           TEXT,
    data           TEXT,
    PRIMARY KEY (application_id, seq)
) WITHOUT ROWID;

CREATE TABLE program_benefit (
    application_id TEXT    NOT NULL REFERENCES program_application (id),
    seq            INTEGER NOT NULL,
    program        TEXT    NOT NULL,
    household_id   TEXT    NOT NULL,
    member_id      TEXT,
    village        TEXT    NOT NULL,
    period         TEXT    NOT NULL,
    year           INTEGER NOT NULL,
    period_zh      TEXT    NOT NULL,
    period_en      TEXT    NOT NULL,
    amount_fen     INTEGER NOT NULL CHECK (amount_fen >= 0),
    granted_on     TEXT    NOT NULL,
    PRIMARY KEY (application_id, seq)
) WITHOUT ROWID;
CREATE INDEX program_benefit_by_region ON program_benefit (program, year, village);
CREATE INDEX program_benefit_by_household ON program_benefit (household_id);
