package io.marketgate.simulator.entitlement;

import java.time.Instant;

/**
 * One entitlement as GetEntitlements returns it.
 *
 * @param customerIdentifier the legacy customer id; null for {@code license} products, whose buyers have none
 * @param value an Integer, Double, Boolean or String (becomes IntegerValue, DoubleValue, ...)
 */
public record EntitlementRow(
        String productCode,
        String dimension,
        String customerIdentifier,
        String customerAwsAccountId,
        String licenseArn,
        Object value,
        Instant expirationDate) {}
