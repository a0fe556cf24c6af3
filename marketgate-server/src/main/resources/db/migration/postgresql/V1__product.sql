-- Configured products, synced from configuration at startup.
CREATE TABLE product (
    id                            text        NOT NULL PRIMARY KEY,
    product_code                  text        NOT NULL UNIQUE,
    identity_mode                 text        NOT NULL CHECK (identity_mode IN ('legacy', 'account', 'license')),
    pricing_model                 text        NOT NULL
        CHECK (pricing_model IN ('subscription', 'contract', 'contract-with-consumption')),
    seller_account_id             text        NOT NULL,
    -- Fixed once metering_region_first_used_at is set: AWS dedupes metering records per region.
    metering_region               text        NOT NULL,
    metering_region_first_used_at timestamptz,
    created_at                    timestamptz NOT NULL,
    updated_at                    timestamptz NOT NULL
);
