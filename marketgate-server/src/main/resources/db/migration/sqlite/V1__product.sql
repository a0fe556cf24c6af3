-- Configured products, synced from configuration at startup.
-- Timestamps on SQLite are INTEGER milliseconds since the epoch, UTC (see TimestampColumns): they sort
-- and compare as numbers. STRICT makes SQLite reject values of the wrong type instead of storing them.
CREATE TABLE product (
    id                            TEXT    NOT NULL PRIMARY KEY,
    product_code                  TEXT    NOT NULL UNIQUE,
    identity_mode                 TEXT    NOT NULL CHECK (identity_mode IN ('legacy', 'account', 'license')),
    pricing_model                 TEXT    NOT NULL
        CHECK (pricing_model IN ('subscription', 'contract', 'contract-with-consumption')),
    seller_account_id             TEXT    NOT NULL,
    -- Fixed once metering_region_first_used_at is set: AWS dedupes metering records per region.
    metering_region               TEXT    NOT NULL,
    metering_region_first_used_at INTEGER,
    created_at                    INTEGER NOT NULL,
    updated_at                    INTEGER NOT NULL
) STRICT;
