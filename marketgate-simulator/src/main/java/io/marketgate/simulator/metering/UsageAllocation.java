package io.marketgate.simulator.metering;

import java.util.List;

/**
 * One UsageAllocation of a usage record: a share of its quantity with the buyer-visible tags.
 *
 * @param tags null when the allocation has no {@code Tags} (the untagged bucket)
 */
public record UsageAllocation(long allocatedUsageQuantity, List<Tag> tags) {

    public record Tag(String key, String value) {}

    public UsageAllocation {
        tags = tags == null ? null : List.copyOf(tags);
    }
}
