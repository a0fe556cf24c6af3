-- API keys of the seller API. The clear key is shown once and never stored: secret_hash is the SHA-256
-- (hex) of the whole key, which carries 256 random bits, so a fast hash is safe (nothing to brute-force).
-- The id is also part of the key, so a request is checked by one primary-key lookup.
-- scopes: space-separated scope values (e.g. "customers:read usage:write").
-- last_used_at is written at most about once a minute per key; revoked_at set means the key is dead.
CREATE TABLE api_key (
    id           text        PRIMARY KEY,
    name         text        NOT NULL,
    scopes       text        NOT NULL,
    secret_hash  text        NOT NULL,
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
