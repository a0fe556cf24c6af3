package io.marketgate.simulator.metering;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A UsageRecord as sent, after the model's shape checks.
 *
 * @param position 1-based position in {@code UsageRecords}, as AWS's validation messages count
 * @param allocations null when {@code UsageAllocations} is absent
 * @param original the record's JSON, echoed back in {@code Results} and {@code UnprocessedRecords}
 */
record UsageRecordInput(
        int position,
        Instant timestamp,
        String dimension,
        long quantity,
        String customerIdentifier,
        String customerAwsAccountId,
        String licenseArn,
        List<UsageAllocation> allocations,
        JsonNode original) {

    String field(String member) {
        return "usageRecords." + position + ".member." + member;
    }
}
