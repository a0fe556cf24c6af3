package io.marketgate.server.aws;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/**
 * A frozen metering record, sent byte-identically on every retry.
 *
 * @param hour the usage hour's start (UTC, on the hour): AWS dedupes on it
 * @param allocations UsageAllocations (each tag set once; untagged remainder with no tags), or empty
 */
public record MeterRecord(
        AwsCustomerKey customer, String dimension, Instant hour, long quantity, List<Allocation> allocations) {

    public MeterRecord {
        allocations = List.copyOf(allocations);
    }

    /** One UsageAllocation; {@code tags} sorted by key, empty for the untagged remainder. */
    public record Allocation(long quantity, SortedMap<String, String> tags) {}
}
