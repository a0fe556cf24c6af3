package io.marketgate.server.subscription;

import io.marketgate.server.subscription.jdbc.JdbcSubscriptions;
import io.marketgate.server.subscription.jdbc.SubscriptionRecord;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reads subscriptions for other modules. */
@Service
public class Subscriptions {

    private final JdbcSubscriptions subscriptions;
    private final Clock clock;

    Subscriptions(JdbcSubscriptions subscriptions, Clock clock) {
        this.subscriptions = subscriptions;
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

    /** The subscriptions linked to a registered customer. */
    public List<SubscriptionView> ofCustomer(String customerId) {
        return subscriptions.byCustomer(customerId).stream().map(this::current).toList();
    }

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
