package io.marketgate.server.entitlement;

import io.marketgate.server.subscription.SubscriptionState;
import java.util.List;

/**
 * May this customer use the product now, and why.
 *
 * @param reason {@code active}, {@code deprovisioning} (allowed until its final hour ends),
 *     {@code not_subscribed}, {@code subscription_failed}, {@code subscription_ending},
 *     {@code subscription_ended} or {@code no_entitlements}
 * @param state the subscription state, or null if no subscription is known
 */
public record Access(
        String customerId,
        String productId,
        boolean allowed,
        String reason,
        SubscriptionState state,
        List<EntitlementItem> entitlements) {}
