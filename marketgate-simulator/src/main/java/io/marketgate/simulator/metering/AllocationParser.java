package io.marketgate.simulator.metering;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code UsageAllocations}. Only JSON types and the required AllocatedUsageQuantity are checked here;
 * counts, sums and tag rules are AWS's InvalidUsageAllocations/InvalidTag errors, checked with the record.
 */
final class AllocationParser {

    private AllocationParser() {}

    /** Null when the member is absent. */
    static List<UsageAllocation> parse(JsonNode node, String field, Violations violations) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw MeteringException.serialization(field + " must be a JSON array");
        }
        List<UsageAllocation> allocations = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            allocations.add(allocation(node.get(i), field + "." + (i + 1) + ".member", violations));
        }
        return allocations;
    }

    private static UsageAllocation allocation(JsonNode node, String field, Violations violations) {
        if (!node.isObject()) {
            throw MeteringException.serialization(field + " must be a JSON object");
        }
        JsonNode quantity = node.get("AllocatedUsageQuantity");
        if (quantity == null || quantity.isNull()) {
            violations.notNull(field + ".allocatedUsageQuantity");
        }
        long allocated = BatchMeterUsageParser.integer(quantity, field + ".allocatedUsageQuantity", violations);
        return new UsageAllocation(allocated, tags(node.get("Tags"), field + ".tags"));
    }

    private static List<UsageAllocation.Tag> tags(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw MeteringException.serialization(field + " must be a JSON array");
        }
        List<UsageAllocation.Tag> tags = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode tag = node.get(i);
            String tagField = field + "." + (i + 1) + ".member";
            if (!tag.isObject()) {
                throw MeteringException.serialization(tagField + " must be a JSON object");
            }
            tags.add(new UsageAllocation.Tag(
                    BatchMeterUsageParser.string(tag, "Key", tagField + ".key"),
                    BatchMeterUsageParser.string(tag, "Value", tagField + ".value")));
        }
        return tags;
    }
}
