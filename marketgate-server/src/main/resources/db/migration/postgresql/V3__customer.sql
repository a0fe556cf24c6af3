-- Registered buyers. identity_key is the key of the product's identity mode (legacy: customer_identifier,
-- account: aws_account_id, license: license_arn): one customer per product and key, enforced here, so
-- concurrent registrations of one buyer store one row. license_arn is kept with its "arn:" prefix.
-- tenant_id is the seller's tenant, unique per product (NULLs do not clash).
CREATE TABLE customer (
    id                  text        NOT NULL PRIMARY KEY,
    product_id          text        NOT NULL REFERENCES product (id),
    identity_key        text        NOT NULL,
    customer_identifier text,
    aws_account_id      text,
    license_arn         text,
    tenant_id           text,
    fields              text        NOT NULL,
    registered_at       timestamptz NOT NULL,
    CONSTRAINT customer_product_key UNIQUE (product_id, identity_key),
    CONSTRAINT customer_product_tenant UNIQUE (product_id, tenant_id)
);
CREATE INDEX customer_license_arn ON customer (license_arn);
CREATE INDEX customer_aws_account_id ON customer (aws_account_id);
CREATE INDEX customer_customer_identifier ON customer (customer_identifier);
CREATE INDEX customer_tenant_id ON customer (tenant_id);
