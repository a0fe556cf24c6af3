package io.marketgate.server.entitlement;

import io.marketgate.server.product.PricingModel;
import io.marketgate.server.subscription.SubscriptionState;
import io.marketgate.server.subscription.SubscriptionView;
import java.time.Instant;
import java.util.List;

/**
 * Who may use the product: a registered customer whose subscription is active (or deprovisioning within
 * its final hour) and, for contracts, who holds entitlements. A passed ExpirationDate revokes nothing (G18):
 * it only makes the next read due.
 */
final class AccessPolicy {

    private AccessPolicy() {}

    static Access decide(
            String customerId,
            String productId,
            PricingModel pricing,
            SubscriptionView subscription,
            EntitlementSnapshot snapshot,
            Instant now) {
        List<EntitlementItem> entitlements = snapshot == null ? List.of() : snapshot.entitlements();
        if (subscription == null) {
            return new Access(customerId, productId, false, "not_subscribed", null, entitlements);
        }
        SubscriptionState state = subscription.state();
        if (state == SubscriptionState.DEPROVISIONING
                && subscription.usageAcceptedUntil() != null
                && !now.isBefore(subscription.usageAcceptedUntil())) {
            state = SubscriptionState.ENDED;
        }
        String reason =
                switch (state) {
                    case ACTIVE -> "active";
                    case DEPROVISIONING -> "deprovisioning";
                    case PENDING -> "not_subscribed";
                    case FAILED -> "subscription_failed";
                    case UNSUBSCRIBE_PENDING, ENDING -> "subscription_ending";
                    case ENDED -> "subscription_ended";
                };
        boolean open = state == SubscriptionState.ACTIVE || state == SubscriptionState.DEPROVISIONING;
        if (open && pricing.hasEntitlements() && entitlements.isEmpty()) {
            return new Access(customerId, productId, false, "no_entitlements", state, entitlements);
        }
        return new Access(customerId, productId, open, reason, state, entitlements);
    }
}
