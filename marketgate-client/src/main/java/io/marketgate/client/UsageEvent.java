package io.marketgate.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One usage event to report.
 *
 * @param id your idempotency key for this event, unique and stable: sending the same id again (a retry, a resend
 *     after a crash) is answered {@code duplicate} and billed once
 * @param customer the customer, as Marketgate id, your tenant id, LicenseArn or legacy customer id
 * @param dimension the metered dimension's API name
 * @param quantity how much was used, zero or more
 * @param timestamp when the usage happened (not when it is sent): it decides the billed hour
 * @param allocations optional split of {@code quantity} by tags (empty when none); their quantities sum to
 *     {@code quantity}
 */
public record UsageEvent(
        String id, String customer, String dimension, long quantity, Instant timestamp, List<Allocation> allocations) {

    public UsageEvent {
        requireText(id, "id");
        requireText(customer, "customer");
        requireText(dimension, "dimension");
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity must be zero or more");
        }
        Objects.requireNonNull(timestamp, "timestamp");
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
    }

    /** An event without allocations. */
    public UsageEvent(String id, String customer, String dimension, long quantity, Instant timestamp) {
        this(id, customer, dimension, quantity, timestamp, List.of());
    }

    /**
     * A share of an event's quantity carrying tags (AWS usage allocations).
     *
     * @param quantity the share
     * @param tags tag keys to values, at most five
     */
    public record Allocation(long quantity, Map<String, String> tags) {
        public Allocation {
            if (quantity < 0) {
                throw new IllegalArgumentException("allocation quantity must be zero or more");
            }
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
