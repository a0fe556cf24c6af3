package io.marketgate.simulator.state;

import java.time.Instant;

/**
 * One contract entitlement of an agreement.
 *
 * @param value an Integer, Double, Boolean or String, as GetEntitlements returns it
 * @param expiration the minimum date through which the entitlement is expected to remain valid
 */
public record EntitlementGrant(String dimension, Object value, Instant expiration) {

    public EntitlementGrant {
        if (!(value instanceof Integer
                || value instanceof Double
                || value instanceof Boolean
                || value instanceof String)) {
            throw new IllegalArgumentException("entitlement value must be an integer, double, boolean or string");
        }
    }
}
