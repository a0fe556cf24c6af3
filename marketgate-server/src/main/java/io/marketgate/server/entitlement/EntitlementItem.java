package io.marketgate.server.entitlement;

import java.time.Instant;

/**
 * One entitlement of a contract.
 *
 * @param type {@code integer}, {@code double}, {@code boolean} or {@code string} (AWS's four value types)
 * @param value the value, as a Long, Double, Boolean or String
 * @param expiration the minimum date through which it stays valid (G18: renewing contracts keep one), or null
 */
public record EntitlementItem(String dimension, String type, Object value, Instant expiration) {}
