-- Every program the catalogue has offered, as last seen: while its plugin is removed, its applications stay
-- readable (who may read them follows the agency) and the catalogue shows it as not installed.
CREATE TABLE program_known (
    id           TEXT PRIMARY KEY,
    name_zh      TEXT NOT NULL,
    name_en      TEXT NOT NULL,
    agency       TEXT NOT NULL,
    agency_zh    TEXT NOT NULL,
    agency_en    TEXT NOT NULL,
    bundle       TEXT NOT NULL,
    version      TEXT NOT NULL,
    seen_at      TEXT NOT NULL
) WITHOUT ROWID;
