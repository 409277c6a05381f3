-- Entries sent with an Idempotency-Key (a visit typed offline and sent again when the phone is back online): the key
-- of each entry stored, per user, so that a request sent twice stores its entry once.
CREATE TABLE program_record_request (
    actor           TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    record_id       TEXT NOT NULL REFERENCES program_record (id),
    at              TEXT NOT NULL,
    PRIMARY KEY (actor, idempotency_key)
) WITHOUT ROWID;
