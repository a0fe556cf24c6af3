-- Domain events for the seller's app, written in the same transaction as the change they describe and
-- delivered after commit. Rows are never updated: delivery state lives with the webhook deliveries.
-- sequence orders events (per customer and overall) for receivers.
CREATE TABLE outbox_event (
    sequence    INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    id          TEXT    NOT NULL UNIQUE,
    type        TEXT    NOT NULL,
    customer_id TEXT,
    payload     TEXT    NOT NULL,
    occurred_at INTEGER NOT NULL
) STRICT;
CREATE INDEX outbox_event_customer ON outbox_event (customer_id, sequence);
