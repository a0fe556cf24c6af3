package io.marketgate.server.subscription.jdbc;

import io.marketgate.server.subscription.SubscriptionState;
import io.marketgate.server.subscription.SubscriptionView;
import java.time.Instant;

/** A row of the {@code subscription} table. */
public record SubscriptionRecord(
        String productId,
        String key,
        SubscriptionState state,
        String customerId,
        String customerIdentifier,
        String awsAccountId,
        String licenseArn,
        String agreementId,
        boolean freeTrial,
        Instant activeSince,
        Instant usageAcceptedUntil,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public SubscriptionView view() {
        return new SubscriptionView(
                productId, key, state, activeSince, usageAcceptedUntil, freeTrial, licenseArn, awsAccountId);
    }
}
