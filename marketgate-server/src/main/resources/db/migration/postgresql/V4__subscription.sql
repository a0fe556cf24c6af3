-- Subscriptions: one row per (product, customer key of the product's identity mode), created by whichever
-- arrives first, a notification or the registration. The state is a projection of the subscription's
-- notifications (replayed in sent order through the transition table), so any delivery order ends alike.
CREATE TABLE subscription (
    product_id           text        NOT NULL,
    subscription_key     text        NOT NULL,
    state                text        NOT NULL CHECK (state IN ('pending', 'active', 'failed', 'unsubscribe_pending',
                                                               'ending', 'deprovisioning', 'ended')),
    customer_id          text,
    customer_identifier  text,
    aws_account_id       text,
    license_arn          text,
    agreement_id         text,
    free_trial           boolean     NOT NULL,
    active_since         timestamptz,
    usage_accepted_until timestamptz,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    -- The access_version value of the last change, so access views load only what changed.
    version              bigint      NOT NULL,
    PRIMARY KEY (product_id, subscription_key)
);
CREATE INDEX subscription_version ON subscription (version);
CREATE INDEX subscription_customer ON subscription (customer_id);
CREATE INDEX subscription_closing ON subscription (state, usage_accepted_until);

-- The notification inbox: every notification stored once, keyed by the SNS MessageId or EventBridge id
-- (the primary key is the dedupe), never updated except to attach it to its subscription once known.
-- correlation is how the notification names its buyer (cid:, acct:, lic:, agmt: + id).
CREATE TABLE notification (
    message_id              text        NOT NULL PRIMARY KEY,
    product_id              text        NOT NULL,
    source                  text        NOT NULL CHECK (source IN ('sns', 'eventbridge')),
    action                  text        NOT NULL,
    sent_at                 timestamptz NOT NULL,
    received_at             timestamptz NOT NULL,
    correlation             text        NOT NULL,
    subscription_key        text,
    customer_identifier     text,
    aws_account_id          text,
    license_arn             text,
    agreement_id            text,
    agreement_status        text,
    offer_id                text,
    free_trial              boolean,
    resale_authorization_id text,
    body                    text        NOT NULL
);
CREATE INDEX notification_subscription ON notification (product_id, subscription_key, sent_at);
CREATE INDEX notification_unattached ON notification (product_id, correlation) WHERE subscription_key IS NULL;

-- Which subscription a correlation id (cid:, acct:, lic:, agmt: + id) belongs to; learnt from the
-- registration and from License Updated (agreement id ↔ license). First link wins.
CREATE TABLE subscription_alias (
    product_id       text NOT NULL,
    alias            text NOT NULL,
    subscription_key text NOT NULL,
    PRIMARY KEY (product_id, alias)
);

-- What the Agreement API said about an agreement (read after commit, never inside a transaction).
CREATE TABLE agreement (
    product_id   text        NOT NULL,
    agreement_id text        NOT NULL,
    status       text,
    free_trial   boolean     NOT NULL,
    read_at      timestamptz NOT NULL,
    PRIMARY KEY (product_id, agreement_id)
);

-- One counter, increased in every transaction that changes what the access check answers; every
-- instance's in-memory access view compares it with the value it loaded (docs/adr/0004-access-view-version-counter.md).
CREATE TABLE access_version (
    id      integer NOT NULL PRIMARY KEY CHECK (id = 1),
    version bigint  NOT NULL
);
INSERT INTO access_version (id, version) VALUES (1, 0);
