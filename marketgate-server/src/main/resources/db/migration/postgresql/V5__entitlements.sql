-- Entitlement snapshots: what GetEntitlements said about one subscription (product, customer key). A new
-- row only when something changed, so the rows are the history and the latest is the current one.
CREATE TABLE entitlement_snapshot (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id       text        NOT NULL,
    subscription_key text        NOT NULL,
    entitlements     text        NOT NULL,
    taken_at         timestamptz NOT NULL,
    -- The access_version value it was stored at, so access views load only what changed.
    version          bigint      NOT NULL
);
CREATE INDEX entitlement_snapshot_subscription ON entitlement_snapshot (product_id, subscription_key, id);
CREATE INDEX entitlement_snapshot_version ON entitlement_snapshot (version);

-- When each contract subscription is read next: soon after a notification or registration asked for it,
-- periodically otherwise, later after a failure (backoff). Rows are written in the transaction that asks.
CREATE TABLE entitlement_sync (
    product_id       text        NOT NULL,
    subscription_key text        NOT NULL,
    due_at           timestamptz NOT NULL,
    failures         integer     NOT NULL,
    last_error       text,
    PRIMARY KEY (product_id, subscription_key)
);
CREATE INDEX entitlement_sync_due ON entitlement_sync (due_at);
