-- Users and their sessions. Passwords are Argon2id hashes in PHC form; tokens are kept only as SHA-256 hashes.
CREATE TABLE account (
    username      TEXT PRIMARY KEY,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    region        TEXT NOT NULL,            -- region-code prefix of the user's subtree; '' = the whole country
    agency        TEXT,                     -- the agency whose programs the user works; NULL = none
    roles         TEXT NOT NULL,            -- role codes, comma-separated
    enabled       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL
);
CREATE INDEX account_by_region ON account (region, username);

CREATE TABLE session (
    token_hash TEXT PRIMARY KEY,
    username   TEXT NOT NULL REFERENCES account (username),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    address    TEXT
);
CREATE INDEX session_by_user ON session (username);
