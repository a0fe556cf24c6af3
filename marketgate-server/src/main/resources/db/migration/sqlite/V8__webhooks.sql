-- Webhook endpoints of the seller's app, and one delivery row per (endpoint, outbox event) written in the
-- same transaction as the event itself (Outbox.append), so no committed event is ever missed. A replay is
-- another delivery row of the same event (same webhook-id). Every HTTP attempt is logged.
CREATE TABLE webhook_endpoint (
    id                       TEXT    NOT NULL PRIMARY KEY,
    url                      TEXT    NOT NULL,
    -- ',customer.registered,subscription.changed,' or ',*,' for every type: matched with LIKE in SQL.
    event_types              TEXT    NOT NULL,
    secret_sealed            TEXT    NOT NULL,
    -- The secret before the last rotation, still signed with until previous_secret_until.
    previous_secret_sealed   TEXT,
    previous_secret_until    INTEGER,
    enabled                  INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    disabled_reason          TEXT,
    failing_since            INTEGER,
    created_at               INTEGER NOT NULL,
    updated_at               INTEGER NOT NULL
) STRICT;

CREATE TABLE webhook_delivery (
    id              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    endpoint_id     TEXT    NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_sequence  INTEGER NOT NULL REFERENCES outbox_event (sequence),
    replay          INTEGER NOT NULL CHECK (replay IN (0, 1)),
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    -- A claim: the instance sending it holds it until then; after a crash another one sends it again.
    leased_until    INTEGER,
    created_at      INTEGER NOT NULL,
    delivered_at    INTEGER
) STRICT;
CREATE UNIQUE INDEX webhook_delivery_once ON webhook_delivery (endpoint_id, event_sequence) WHERE replay = 0;
CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_endpoint ON webhook_delivery (endpoint_id, id);

CREATE TABLE webhook_attempt (
    id               INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    delivery_id      INTEGER NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempted_at     INTEGER NOT NULL,
    status_code      INTEGER,
    latency_ms       INTEGER NOT NULL,
    response_excerpt TEXT,
    error            TEXT
) STRICT;
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, id);
