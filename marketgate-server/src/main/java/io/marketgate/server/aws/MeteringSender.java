package io.marketgate.server.aws;

import io.marketgate.server.product.Product;
import java.util.List;

/**
 * Port: one BatchMeterUsage call for ≤ 25 records of one product, in the product's metering region, keyed as
 * its identity mode says (legacy: CustomerIdentifier + ProductCode; account: CustomerAWSAccountId +
 * ProductCode; license: CustomerAWSAccountId + LicenseArn, no ProductCode). Exactly one call: retries,
 * budgets and splitting belong to the caller, so the SDK's own retries are off.
 */
public interface MeteringSender {

    BatchOutcome send(Product product, List<MeterRecord> records);
}
