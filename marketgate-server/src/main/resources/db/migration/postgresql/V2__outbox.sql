-- Domain events for the seller's app, written in the same transaction as the change they describe and
-- delivered after commit. Rows are never updated: delivery state lives with the webhook deliveries.
-- sequence orders events (per customer and overall) for receivers.
CREATE TABLE outbox_event (
    sequence    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          text        NOT NULL UNIQUE,
    type        text        NOT NULL,
    customer_id text,
    payload     text        NOT NULL,
    occurred_at timestamptz NOT NULL
);
CREATE INDEX outbox_event_customer ON outbox_event (customer_id, sequence);
