package io.marketgate.simulator.metering;

import java.util.List;

/**
 * A BatchMeterUsage request after the model's shape checks.
 *
 * @param productCode null when absent (LicenseArn-keyed requests)
 */
record BatchMeterUsageRequest(String productCode, List<UsageRecordInput> usageRecords) {}
