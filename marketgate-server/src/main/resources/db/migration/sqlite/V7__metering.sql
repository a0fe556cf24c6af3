-- Metering ledger (see docs/adr/0006-usage-idempotency-index.md). Timestamps are INTEGER milliseconds
-- since the epoch, UTC (TimestampColumns).

-- Every usage event accepted (or stored as unbillable), immutable. seq is the rowid: time-ordered, so
-- inserts append at the right edge of the table's B-tree. The idempotency key is (usage_hour, event_id):
-- usage_hour comes from the event's own timestamp, so a retry always meets its first copy, and only the
-- few hours being written are hot in the index instead of every id ever seen.
CREATE TABLE usage_event (
    seq          INTEGER NOT NULL PRIMARY KEY,
    usage_hour   INTEGER NOT NULL,
    event_id     TEXT    NOT NULL,
    body_hash    TEXT    NOT NULL,
    customer_id  TEXT    NOT NULL,
    product_id   TEXT    NOT NULL,
    customer_key TEXT    NOT NULL,
    dimension    TEXT    NOT NULL,
    quantity     INTEGER NOT NULL,
    event_time   INTEGER NOT NULL,
    received_at  INTEGER NOT NULL,
    -- the hour the usage is billed in: usage_hour, or a later one when it rolled forward; null if unbillable
    billed_hour  INTEGER,
    status       TEXT    NOT NULL CHECK (status IN ('accepted', 'unbillable')),
    reason       TEXT
) STRICT;
CREATE UNIQUE INDEX usage_event_idempotency ON usage_event (usage_hour, event_id);
CREATE INDEX usage_event_billed ON usage_event (billed_hour);

-- One row per (product, customer key, dimension, hour): AWS's dedupe key. Open while usage is added;
-- frozen once (quantity, allocations, timestamp never change again); then sent and settled.
CREATE TABLE metering_record (
    id                      INTEGER NOT NULL PRIMARY KEY,
    product_id              TEXT    NOT NULL,
    identity_mode           TEXT    NOT NULL,
    customer_key            TEXT    NOT NULL,
    dimension               TEXT    NOT NULL,
    hour                    INTEGER NOT NULL,
    customer_id             TEXT    NOT NULL,
    customer_identifier     TEXT,
    customer_aws_account_id TEXT,
    license_arn             TEXT,
    quantity                INTEGER NOT NULL CHECK (quantity BETWEEN 0 AND 2147483647),
    rolled_in               INTEGER NOT NULL DEFAULT 0,
    version                 INTEGER NOT NULL DEFAULT 0,
    state                   TEXT    NOT NULL CHECK (state IN ('open', 'frozen', 'success', 'customer_not_subscribed',
                                'duplicate_record', 'parked', 'expired', 'unknown')),
    zero                    INTEGER NOT NULL DEFAULT 0,
    allocations             TEXT,
    payload_bytes           INTEGER,
    deadline                INTEGER,
    frozen_at               INTEGER,
    attempts                INTEGER NOT NULL DEFAULT 0,
    -- a call that may have reached AWS was made (timeouts, 5xx): past the deadline its fate is unknown
    maybe_sent              INTEGER NOT NULL DEFAULT 0,
    next_attempt_at         INTEGER,
    claimed_by              TEXT,
    claimed_until           INTEGER,
    settled_at              INTEGER,
    metering_record_id      TEXT,
    reason                  TEXT,
    UNIQUE (product_id, customer_key, dimension, hour)
) STRICT;
CREATE INDEX metering_record_open ON metering_record (state, hour);
CREATE INDEX metering_record_due ON metering_record (product_id, state, next_attempt_at);
CREATE INDEX metering_record_customer ON metering_record (customer_id, state);

-- Usage per allocation tag set of an open record; folded into metering_record.allocations when frozen.
CREATE TABLE metering_allocation (
    record_id INTEGER NOT NULL REFERENCES metering_record (id),
    tag_set   TEXT    NOT NULL,
    quantity  INTEGER NOT NULL,
    PRIMARY KEY (record_id, tag_set)
) STRICT;

-- The BatchMeterUsage call budget per seller account and Region (token bucket shared by all instances).
CREATE TABLE metering_budget (
    budget_key TEXT    NOT NULL PRIMARY KEY,
    tokens     REAL    NOT NULL,
    updated_ms INTEGER NOT NULL
) STRICT;

-- Products whose metering is paused (DisabledApiException) until an operator deletes the row.
CREATE TABLE metering_pause (
    product_id TEXT    NOT NULL PRIMARY KEY,
    reason     TEXT    NOT NULL,
    paused_at  INTEGER NOT NULL
) STRICT;
