package io.marketgate.simulator.state;

import java.util.List;

/**
 * How a buyer subscribes.
 *
 * @param offerType {@code free-trial} or null
 * @param offerId the offer accepted, or null for a generated public offer id
 * @param resellerAccountId the channel partner's account for a sale through a reseller (CPPO), or null
 * @param entitlements contract terms (empty for pay-as-you-go subscriptions)
 * @param autoSucceed whether payment succeeds at once (subscribe-success); false leaves the agreement
 *     pending until the control API succeeds or fails it
 */
public record SubscribeOptions(
        String offerType,
        String offerId,
        String resellerAccountId,
        List<EntitlementGrant> entitlements,
        boolean autoSucceed) {

    public SubscribeOptions {
        entitlements = entitlements == null ? List.of() : List.copyOf(entitlements);
    }

    public static SubscribeOptions standard() {
        return new SubscribeOptions(null, null, null, List.of(), true);
    }
}
