package io.marketgate.simulator.metering;

import java.time.Instant;
import java.util.List;

/**
 * One metering record AWS accepted and bills ({@code Success}). Resends that deduplicate to it add nothing.
 *
 * @param region the region of the call (from the SigV4 credential scope); dedupe is per region
 * @param callingAccountId the seller account whose credentials sent it
 * @param productCode the product billed: the request's ProductCode, or the license's product
 * @param customerIdentifier as sent (legacy records), else null
 * @param customerAwsAccountId as sent, or the buyer account behind the CustomerIdentifier
 * @param licenseArn as sent (LicenseArn-keyed records), else null
 * @param hour the usage timestamp truncated to the hour, which AWS dedupes on
 * @param timestamp the usage timestamp as sent
 * @param allocations null when the record had none
 * @param receivedAt when the simulator accepted it (simulator clock)
 * @param keyedBy {@code PRODUCT_CODE} or {@code LICENSE_ARN}
 */
public record LedgerEntry(
        String meteringRecordId,
        String region,
        String callingAccountId,
        String productCode,
        String customerIdentifier,
        String customerAwsAccountId,
        String licenseArn,
        String dimension,
        Instant hour,
        Instant timestamp,
        long quantity,
        List<UsageAllocation> allocations,
        Instant receivedAt,
        String keyedBy) {

    public LedgerEntry {
        allocations = allocations == null ? null : List.copyOf(allocations);
    }
}
