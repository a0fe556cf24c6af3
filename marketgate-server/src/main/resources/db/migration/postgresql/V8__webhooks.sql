-- Webhook endpoints of the seller's app, and one delivery row per (endpoint, outbox event) written in the
-- same transaction as the event itself (Outbox.append), so no committed event is ever missed. A replay is
-- another delivery row of the same event (same webhook-id). Every HTTP attempt is logged.
CREATE TABLE webhook_endpoint (
    id                       text        NOT NULL PRIMARY KEY,
    url                      text        NOT NULL,
    -- ',customer.registered,subscription.changed,' or ',*,' for every type: matched with LIKE in SQL.
    event_types              text        NOT NULL,
    secret_sealed            text        NOT NULL,
    -- The secret before the last rotation, still signed with until previous_secret_until.
    previous_secret_sealed   text,
    previous_secret_until    timestamptz,
    enabled                  integer     NOT NULL CHECK (enabled IN (0, 1)),
    disabled_reason          text,
    failing_since            timestamptz,
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL
);

CREATE TABLE webhook_delivery (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    endpoint_id     text        NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_sequence  bigint      NOT NULL REFERENCES outbox_event (sequence),
    replay          integer     NOT NULL CHECK (replay IN (0, 1)),
    status          text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        integer     NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    -- A claim: the instance sending it holds it until then; after a crash another one sends it again.
    leased_until    timestamptz,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz
);
CREATE UNIQUE INDEX webhook_delivery_once ON webhook_delivery (endpoint_id, event_sequence) WHERE replay = 0;
CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_endpoint ON webhook_delivery (endpoint_id, id);

CREATE TABLE webhook_attempt (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id      bigint      NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempted_at     timestamptz NOT NULL,
    status_code      integer,
    latency_ms       integer     NOT NULL,
    response_excerpt text,
    error            text
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, id);
