package io.marketgate.simulator.sns;

import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.Buyer;
import io.marketgate.simulator.state.LifecycleEvent;
import io.marketgate.simulator.state.Product;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * What AWS Marketplace publishes to a product's two SNS topics for each lifecycle event:
 * {@code aws-mp-subscription-notification-<code>} (subscribe-success, subscribe-fail,
 * unsubscribe-pending, unsubscribe-success) and, for contract products,
 * {@code aws-mp-entitlement-notification-<code>} (entitlement-updated, on subscribe-success and on
 * every entitlement change).
 */
public final class MarketplaceTopics {

    /** The AWS-owned account that owns the Marketplace topics (the AWS sample's default). */
    public static final String TOPIC_ACCOUNT = "287250355862";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Function<String, Buyer> buyers;

    /** @param buyers the buyer of an account id, for the legacy customer identifier */
    public MarketplaceTopics(Function<String, Buyer> buyers) {
        this.buyers = buyers;
    }

    public static String subscriptionTopic(String productCode) {
        return "arn:aws:sns:us-east-1:" + TOPIC_ACCOUNT + ":aws-mp-subscription-notification-" + productCode;
    }

    public static String entitlementTopic(String productCode) {
        return "arn:aws:sns:us-east-1:" + TOPIC_ACCOUNT + ":aws-mp-entitlement-notification-" + productCode;
    }

    /** The notifications for one lifecycle event, in publishing order (possibly none). */
    public List<SnsNotification> notificationsFor(LifecycleEvent event) {
        List<SnsNotification> out = new ArrayList<>();
        switch (event) {
            case LifecycleEvent.Subscribed ignored -> {}
            case LifecycleEvent.SubscribeSucceeded e -> {
                out.add(subscription(e, "subscribe-success"));
                entitlementUpdated(e).ifPresent(out::add);
            }
            case LifecycleEvent.SubscribeFailed e -> out.add(subscription(e, "subscribe-fail"));
            case LifecycleEvent.UnsubscribePending e -> out.add(subscription(e, "unsubscribe-pending"));
            case LifecycleEvent.Unsubscribed e -> out.add(subscription(e, "unsubscribe-success"));
            case LifecycleEvent.EntitlementsChanged e -> entitlementUpdated(e).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The subscription topic's message. {@code offer-identifier} is only on subscribe actions (AWS leaves it
     * off unsubscribe actions); {@code isFreeTrialTermPresent} is a string, "true" or "false", as AWS sends it.
     */
    private SnsNotification subscription(LifecycleEvent event, String action) {
        Map<String, String> message = base(event, action);
        if (action.startsWith("subscribe-")) {
            message.put("offer-identifier", event.agreement().offerId());
        }
        message.put("isFreeTrialTermPresent", Boolean.toString(event.agreement().freeTrial()));
        return new SnsNotification(subscriptionTopic(event.product().code()), JSON.writeValueAsString(message), null);
    }

    private Optional<SnsNotification> entitlementUpdated(LifecycleEvent event) {
        if (!event.product().pricingModel().hasEntitlements()) {
            return Optional.empty();
        }
        String message = JSON.writeValueAsString(base(event, "entitlement-updated"));
        return Optional.of(new SnsNotification(entitlementTopic(event.product().code()), message, null));
    }

    private Map<String, String> base(LifecycleEvent event, String action) {
        Agreement agreement = event.agreement();
        Product product = event.product();
        Map<String, String> message = new LinkedHashMap<>();
        message.put("action", action);
        message.put(
                "customer-identifier", buyers.apply(agreement.buyerAccountId()).customerIdentifier());
        message.put("product-code", product.code());
        return message;
    }
}
