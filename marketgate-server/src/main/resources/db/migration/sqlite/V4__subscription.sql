-- Subscriptions: one row per (product, customer key of the product's identity mode), created by whichever
-- arrives first, a notification or the registration. The state is a projection of the subscription's
-- notifications (replayed in sent order through the transition table), so any delivery order ends alike.
CREATE TABLE subscription (
    product_id           TEXT    NOT NULL,
    subscription_key     TEXT    NOT NULL,
    state                TEXT    NOT NULL CHECK (state IN ('pending', 'active', 'failed', 'unsubscribe_pending',
                                                           'ending', 'deprovisioning', 'ended')),
    customer_id          TEXT,
    customer_identifier  TEXT,
    aws_account_id       TEXT,
    license_arn          TEXT,
    agreement_id         TEXT,
    free_trial           INTEGER NOT NULL CHECK (free_trial IN (0, 1)),
    active_since         INTEGER,
    usage_accepted_until INTEGER,
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL,
    -- The access_version value of the last change, so access views load only what changed.
    version              INTEGER NOT NULL,
    PRIMARY KEY (product_id, subscription_key)
) STRICT;
CREATE INDEX subscription_version ON subscription (version);
CREATE INDEX subscription_customer ON subscription (customer_id);
CREATE INDEX subscription_closing ON subscription (state, usage_accepted_until);

-- The notification inbox: every notification stored once, keyed by the SNS MessageId or EventBridge id
-- (the primary key is the dedupe), never updated except to attach it to its subscription once known.
-- correlation is how the notification names its buyer (cid:, acct:, lic:, agmt: + id).
CREATE TABLE notification (
    message_id              TEXT    NOT NULL PRIMARY KEY,
    product_id              TEXT    NOT NULL,
    source                  TEXT    NOT NULL CHECK (source IN ('sns', 'eventbridge')),
    action                  TEXT    NOT NULL,
    sent_at                 INTEGER NOT NULL,
    received_at             INTEGER NOT NULL,
    correlation             TEXT    NOT NULL,
    subscription_key        TEXT,
    customer_identifier     TEXT,
    aws_account_id          TEXT,
    license_arn             TEXT,
    agreement_id            TEXT,
    agreement_status        TEXT,
    offer_id                TEXT,
    free_trial              INTEGER CHECK (free_trial IN (0, 1)),
    resale_authorization_id TEXT,
    body                    TEXT    NOT NULL
) STRICT;
CREATE INDEX notification_subscription ON notification (product_id, subscription_key, sent_at);
CREATE INDEX notification_unattached ON notification (product_id, correlation) WHERE subscription_key IS NULL;

-- Which subscription a correlation id (cid:, acct:, lic:, agmt: + id) belongs to; learnt from the
-- registration and from License Updated (agreement id ↔ license). First link wins.
CREATE TABLE subscription_alias (
    product_id       TEXT NOT NULL,
    alias            TEXT NOT NULL,
    subscription_key TEXT NOT NULL,
    PRIMARY KEY (product_id, alias)
) STRICT;

-- What the Agreement API said about an agreement (read after commit, never inside a transaction).
CREATE TABLE agreement (
    product_id   TEXT    NOT NULL,
    agreement_id TEXT    NOT NULL,
    status       TEXT,
    free_trial   INTEGER NOT NULL CHECK (free_trial IN (0, 1)),
    read_at      INTEGER NOT NULL,
    PRIMARY KEY (product_id, agreement_id)
) STRICT;

-- One counter, increased in every transaction that changes what the access check answers; every
-- instance's in-memory access view compares it with the value it loaded (docs/adr/0004-access-view-version-counter.md).
CREATE TABLE access_version (
    id      INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
) STRICT;
INSERT INTO access_version (id, version) VALUES (1, 0);
