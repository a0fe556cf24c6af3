-- A buyer between the fulfillment POST and the registration form: the identity ResolveCustomer returned,
-- bound to one browser (browser_hash is the SHA-256 of the secret in that browser's cookie; the secret
-- itself is never stored), valid until expires_at, used once (used_at, set by the statement that claims
-- it). signature is an HMAC over the row's content with the server's key: a row altered in the database is
-- refused. The registration token itself is never stored.
CREATE TABLE pending_registration (
    id                  TEXT    NOT NULL PRIMARY KEY,
    product_id          TEXT    NOT NULL REFERENCES product (id),
    product_code        TEXT    NOT NULL,
    customer_identifier TEXT,
    aws_account_id      TEXT,
    license_arn         TEXT,
    offer_type          TEXT,
    browser_hash        TEXT    NOT NULL,
    signature           TEXT    NOT NULL,
    created_at          INTEGER NOT NULL,
    expires_at          INTEGER NOT NULL,
    used_at             INTEGER,
    customer_id         TEXT    REFERENCES customer (id)
) STRICT;
CREATE INDEX pending_registration_expires_at ON pending_registration (expires_at);
