-- Metering ledger (see docs/adr/0006-usage-idempotency-index.md).

-- Every usage event accepted (or stored as unbillable), immutable. seq is time-ordered, so inserts append
-- at the right edge of the primary key. The idempotency key is (usage_hour, event_id): usage_hour comes
-- from the event's own timestamp, so a retry always meets its first copy, and only the few hours being
-- written are hot in the index instead of every id ever seen.
CREATE TABLE usage_event (
    seq          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    usage_hour   timestamptz NOT NULL,
    event_id     text        NOT NULL,
    body_hash    text        NOT NULL,
    customer_id  text        NOT NULL,
    product_id   text        NOT NULL,
    customer_key text        NOT NULL,
    dimension    text        NOT NULL,
    quantity     bigint      NOT NULL,
    event_time   timestamptz NOT NULL,
    received_at  timestamptz NOT NULL,
    -- the hour the usage is billed in: usage_hour, or a later one when it rolled forward; null if unbillable
    billed_hour  timestamptz,
    status       text        NOT NULL CHECK (status IN ('accepted', 'unbillable')),
    reason       text
);
CREATE UNIQUE INDEX usage_event_idempotency ON usage_event (usage_hour, event_id);
CREATE INDEX usage_event_billed ON usage_event (billed_hour);

-- One row per (product, customer key, dimension, hour): AWS's dedupe key. Open while usage is added;
-- frozen once (quantity, allocations, timestamp never change again); then sent and settled.
CREATE TABLE metering_record (
    id                      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id              text        NOT NULL,
    identity_mode           text        NOT NULL,
    customer_key            text        NOT NULL,
    dimension               text        NOT NULL,
    hour                    timestamptz NOT NULL,
    customer_id             text        NOT NULL,
    customer_identifier     text,
    customer_aws_account_id text,
    license_arn             text,
    quantity                bigint      NOT NULL CHECK (quantity BETWEEN 0 AND 2147483647),
    rolled_in               bigint      NOT NULL DEFAULT 0,
    version                 bigint      NOT NULL DEFAULT 0,
    state                   text        NOT NULL CHECK (state IN ('open', 'frozen', 'success',
                                'customer_not_subscribed', 'duplicate_record', 'parked', 'expired', 'unknown')),
    zero                    integer     NOT NULL DEFAULT 0,
    allocations             text,
    payload_bytes           integer,
    deadline                timestamptz,
    frozen_at               timestamptz,
    attempts                integer     NOT NULL DEFAULT 0,
    -- a call that may have reached AWS was made (timeouts, 5xx): past the deadline its fate is unknown
    maybe_sent              integer     NOT NULL DEFAULT 0,
    next_attempt_at         timestamptz,
    claimed_by              text,
    claimed_until           timestamptz,
    settled_at              timestamptz,
    metering_record_id      text,
    reason                  text,
    UNIQUE (product_id, customer_key, dimension, hour)
);
CREATE INDEX metering_record_open ON metering_record (state, hour);
CREATE INDEX metering_record_due ON metering_record (product_id, state, next_attempt_at);
CREATE INDEX metering_record_customer ON metering_record (customer_id, state);

-- Usage per allocation tag set of an open record; folded into metering_record.allocations when frozen.
CREATE TABLE metering_allocation (
    record_id bigint NOT NULL REFERENCES metering_record (id),
    tag_set   text   NOT NULL,
    quantity  bigint NOT NULL,
    PRIMARY KEY (record_id, tag_set)
);

-- The BatchMeterUsage call budget per seller account and Region (token bucket shared by all instances).
CREATE TABLE metering_budget (
    budget_key text             NOT NULL PRIMARY KEY,
    tokens     double precision NOT NULL,
    updated_ms bigint           NOT NULL
);

-- Products whose metering is paused (DisabledApiException) until an operator deletes the row.
CREATE TABLE metering_pause (
    product_id text        NOT NULL PRIMARY KEY,
    reason     text        NOT NULL,
    paused_at  timestamptz NOT NULL
);
