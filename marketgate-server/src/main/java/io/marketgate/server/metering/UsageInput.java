package io.marketgate.server.metering;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One usage event as the client sent it, before validation. Numbers stay {@link BigDecimal} so that
 * fractions and overflows are refused with a reason instead of being rounded or wrapped.
 *
 * @param id the client's idempotency key
 * @param customer any id naming one license of one product
 * @param timestamp the event time, ISO-8601 (e.g. {@code 2026-03-01T10:15:00Z})
 * @param allocations usage per allocation tag set, or empty
 * @param shapeError set when the JSON itself had the wrong shape (e.g. a string where a number belongs)
 */
public record UsageInput(
        String id,
        String customer,
        String dimension,
        BigDecimal quantity,
        String timestamp,
        List<Allocation> allocations,
        String shapeError) {

    public UsageInput {
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
    }

    public static UsageInput of(String id, String customer, String dimension, long quantity, String timestamp) {
        return new UsageInput(id, customer, dimension, BigDecimal.valueOf(quantity), timestamp, List.of(), null);
    }

    public UsageInput withAllocations(List<Allocation> value) {
        return new UsageInput(id, customer, dimension, quantity, timestamp, value, shapeError);
    }

    /** Part of the event's quantity carrying tags (1–5 per allocation). */
    public record Allocation(Map<String, String> tags, BigDecimal quantity) {}
}
