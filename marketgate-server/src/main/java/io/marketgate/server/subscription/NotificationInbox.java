package io.marketgate.server.subscription;

import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.Product;
import io.marketgate.server.subscription.jdbc.JdbcNotifications;
import io.marketgate.server.subscription.jdbc.StoredNotification;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link NotificationSink}: stores each notification once (the inbox primary key is the dedupe) and
 * applies it in the same transaction. A notification that names its buyer in a way not yet linked to a
 * subscription is stored and parked; it joins its subscription when the link appears.
 */
@Service
class NotificationInbox implements NotificationSink {

    private final Catalog catalog;
    private final JdbcNotifications notifications;
    private final SubscriptionProjection projection;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NotificationInbox(
            Catalog catalog,
            JdbcNotifications notifications,
            SubscriptionProjection projection,
            ApplicationEventPublisher events,
            Clock clock) {
        this.catalog = catalog;
        this.notifications = notifications;
        this.projection = projection;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Outcome accept(Notification notification) {
        Product product = catalog.product(notification.productId())
                .orElseThrow(() -> new IllegalArgumentException("Notification " + notification.messageId()
                        + " names unknown product " + notification.productId()));
        Correlation correlation = Correlation.of(notification, product.identityMode());
        String key = correlation.direct()
                ? correlation.id()
                : notifications.aliasTarget(product.id(), correlation.alias()).orElse(null);
        if (!notifications.insertIfNew(stored(notification, correlation, key))) {
            return Outcome.DUPLICATE;
        }
        if (key == null) {
            return Outcome.APPLIED; // parked until a registration or a License Updated links it
        }
        var row = projection.open(product.id(), key);
        if (notification instanceof Notification.AgreementEvent event
                && event.licenseArn() != null
                && !correlation.alias().startsWith("lic:")) {
            projection.link(product.id(), "lic:" + event.licenseArn(), key);
        }
        projection.project(row, false);
        LifecycleAction action = LifecycleAction.of(notification);
        if (action.refreshesEntitlements()) {
            events.publishEvent(new EntitlementsMayHaveChanged(product.id(), key));
        }
        return Outcome.APPLIED;
    }

    private StoredNotification stored(Notification notification, Correlation correlation, String key) {
        var received = clock.instant();
        return switch (notification) {
            case Notification.Sns sns ->
                new StoredNotification(
                        sns.messageId(),
                        sns.productId(),
                        "sns",
                        LifecycleAction.of(sns),
                        sns.sentAt(),
                        received,
                        correlation.alias(),
                        key,
                        sns.customerIdentifier(),
                        null,
                        null,
                        null,
                        null,
                        sns.offerId(),
                        sns.freeTrial(),
                        null,
                        sns.body());
            case Notification.AgreementEvent event ->
                new StoredNotification(
                        event.messageId(),
                        event.productId(),
                        "eventbridge",
                        LifecycleAction.of(event),
                        event.sentAt(),
                        received,
                        correlation.alias(),
                        key,
                        null,
                        event.acceptorAccountId(),
                        event.licenseArn(),
                        event.agreementId(),
                        event.agreementStatus(),
                        null,
                        null,
                        event.resaleAuthorizationId(),
                        event.body());
        };
    }
}
