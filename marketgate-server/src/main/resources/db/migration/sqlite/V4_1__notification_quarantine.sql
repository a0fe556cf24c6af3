-- Lifecycle notifications that could not be parsed or verified: stored as received, never applied, never
-- dropped. One row per distinct message: message_key is the SNS MessageId or the EventBridge id when the
-- body yields one, else sha256:<hex> of the body. The body's hash is part of the key, so an SQS redelivery
-- adds nothing while a forged message reusing a genuine id can never hide another body.
CREATE TABLE notification_quarantine (
    id          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    message_key TEXT    NOT NULL,
    body_sha256 TEXT    NOT NULL,
    queue_url   TEXT    NOT NULL,
    product_id  TEXT,
    reason      TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    received_at INTEGER NOT NULL,
    CONSTRAINT notification_quarantine_message UNIQUE (message_key, body_sha256)
) STRICT;
