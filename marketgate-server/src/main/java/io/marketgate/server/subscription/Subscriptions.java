package io.marketgate.server.subscription;

import io.marketgate.server.subscription.jdbc.JdbcNotifications;
import io.marketgate.server.subscription.jdbc.JdbcSubscriptions;
import io.marketgate.server.subscription.jdbc.SubscriptionRecord;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reads subscriptions for other modules. */
@Service
public class Subscriptions {

    private final JdbcSubscriptions subscriptions;
    private final JdbcNotifications notifications;
    private final Clock clock;

    Subscriptions(JdbcSubscriptions subscriptions, JdbcNotifications notifications, Clock clock) {
        this.subscriptions = subscriptions;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * The subscription of the buyer with customer key {@code key} (the identity mode's key) to
     * {@code productId}. A deprovisioning subscription past its final hour reads as ended even before the
     * periodic step records it.
     */
    public Optional<SubscriptionView> of(String productId, String key) {
        return subscriptions.find(productId, key).map(this::current);
    }

    /** {@link #of} for many keys of one product at once; keys without a subscription are absent. */
    public Map<String, SubscriptionView> ofAll(String productId, Collection<String> keys) {
        Map<String, SubscriptionView> found = new HashMap<>();
        for (SubscriptionRecord row : subscriptions.findAll(productId, keys)) {
            SubscriptionView view = current(row);
            found.put(view.key(), view);
        }
        return found;
    }

    /** The subscriptions linked to a registered customer. */
    public List<SubscriptionView> ofCustomer(String customerId) {
        return subscriptions.byCustomer(customerId).stream().map(this::current).toList();
    }

    /**
     * Marks the customer's subscriptions changed (a new access version) in the caller's transaction, for a
     * change access views must see that is not the subscription's own, e.g. a new tenant id.
     */
    @org.springframework.transaction.annotation.Transactional(
            propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void touchCustomer(String customerId) {
        long version = subscriptions.nextAccessVersion();
        subscriptions.touchCustomer(customerId, version);
    }

    /** The registered customer linked to the subscription, if any. */
    public Optional<String> customerOf(String productId, String key) {
        return subscriptions.find(productId, key).map(SubscriptionRecord::customerId);
    }

    /**
     * Subscriptions of registered customers changed after access version {@code afterVersion}, oldest
     * change first (for access views).
     */
    public List<CustomerSubscription> changedAfter(long afterVersion) {
        return subscriptions.changedAfter(afterVersion).stream()
                .filter(row -> row.customerId() != null)
                .map(row -> new CustomerSubscription(row.customerId(), row.version(), row.view()))
                .toList();
    }

    /** The notifications of a subscription, in sent order. */
    public List<NotificationRecord> history(String productId, String key) {
        return notifications.ofSubscription(productId, key).stream()
                .map(n -> new NotificationRecord(
                        n.messageId(), n.source(), n.action().value(), n.sentAt(), n.receivedAt(), n.body()))
                .toList();
    }

    /** A subscription with its customer and the access version of its last change. */
    public record CustomerSubscription(String customerId, long version, SubscriptionView subscription) {}

    /** One stored notification, for the history. */
    public record NotificationRecord(
            String messageId,
            String source,
            String action,
            java.time.Instant sentAt,
            java.time.Instant receivedAt,
            String body) {}

    private SubscriptionView current(SubscriptionRecord row) {
        SubscriptionView view = row.view();
        if (view.state() == SubscriptionState.DEPROVISIONING
                && view.usageAcceptedUntil() != null
                && !clock.instant().isBefore(view.usageAcceptedUntil())) {
            return new SubscriptionView(
                    view.productId(),
                    view.key(),
                    SubscriptionState.ENDED,
                    view.activeSince(),
                    view.usageAcceptedUntil(),
                    view.freeTrial(),
                    view.licenseArn(),
                    view.awsAccountId());
        }
        return view;
    }
}
