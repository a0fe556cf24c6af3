package io.marketgate.server.aws;

import java.time.Instant;
import java.util.List;

/** What GetEntitlements answered, all pages together. */
public sealed interface EntitlementRead {

    /** Every entitlement of the customer (possibly none). */
    record Read(List<Entitlement> entitlements) implements EntitlementRead {
        public Read {
            entitlements = List.copyOf(entitlements);
        }
    }

    /** The read failed; {@code retryable} for throttling, 5xx, timeouts and network errors. */
    record Failed(String message, boolean retryable) implements EntitlementRead {}

    /**
     * One entitlement.
     *
     * @param expiration the minimum date through which it stays valid (renewing contracts keep one), or null
     */
    record Entitlement(
            String dimension,
            EntitlementValue value,
            Instant expiration,
            String customerIdentifier,
            String customerAwsAccountId,
            String licenseArn) {}

    /** Exactly one of AWS's four value types. */
    sealed interface EntitlementValue {
        record IntegerValue(long value) implements EntitlementValue {}

        record DoubleValue(double value) implements EntitlementValue {}

        record BooleanValue(boolean value) implements EntitlementValue {}

        record StringValue(String value) implements EntitlementValue {}
    }
}
