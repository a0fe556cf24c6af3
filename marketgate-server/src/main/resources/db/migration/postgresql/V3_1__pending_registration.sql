-- A buyer between the fulfillment POST and the registration form: the identity ResolveCustomer returned,
-- bound to one browser (browser_hash is the SHA-256 of the secret in that browser's cookie; the secret
-- itself is never stored), valid until expires_at, used once (used_at, set by the statement that claims
-- it). signature is an HMAC over the row's content with the server's key: a row altered in the database is
-- refused. The registration token itself is never stored.
CREATE TABLE pending_registration (
    id                  text        NOT NULL PRIMARY KEY,
    product_id          text        NOT NULL REFERENCES product (id),
    product_code        text        NOT NULL,
    customer_identifier text,
    aws_account_id      text,
    license_arn         text,
    offer_type          text,
    browser_hash        text        NOT NULL,
    signature           text        NOT NULL,
    created_at          timestamptz NOT NULL,
    expires_at          timestamptz NOT NULL,
    used_at             timestamptz,
    customer_id         text        REFERENCES customer (id)
);
CREATE INDEX pending_registration_expires_at ON pending_registration (expires_at);
