package io.marketgate.server.subscription;

import io.marketgate.server.subscription.jdbc.JdbcAgreements;
import io.marketgate.server.subscription.jdbc.JdbcNotifications;
import io.marketgate.server.subscription.jdbc.JdbcSubscriptions;
import io.marketgate.server.subscription.jdbc.StoredNotification;
import io.marketgate.server.subscription.jdbc.SubscriptionRecord;
import io.marketgate.server.webhook.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps a subscription row equal to what its notifications say ({@link Lifecycle}), inside the caller's
 * transaction: every change bumps the access version; a state change also writes a
 * {@code subscription.changed} outbox row and publishes {@link SubscriptionChanged} after commit.
 */
@Component
class SubscriptionProjection {

    private final JdbcSubscriptions subscriptions;
    private final JdbcNotifications notifications;
    private final JdbcAgreements agreements;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubscriptionProjection(
            JdbcSubscriptions subscriptions,
            JdbcNotifications notifications,
            JdbcAgreements agreements,
            Outbox outbox,
            ApplicationEventPublisher events,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.notifications = notifications;
        this.agreements = agreements;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /** Creates the row if it is new (pending), then locks it: the primary key decides who creates it. */
    @Transactional(propagation = Propagation.MANDATORY)
    SubscriptionRecord open(String productId, String key) {
        Instant now = clock.instant();
        subscriptions.insertIfAbsent(new SubscriptionRecord(
                productId,
                key,
                SubscriptionState.PENDING,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                now,
                now,
                0));
        subscriptions.lock(productId, key);
        return subscriptions.find(productId, key).orElseThrow();
    }

    /** Links a correlation id to the subscription and attaches the notifications parked under it. */
    @Transactional(propagation = Propagation.MANDATORY)
    void link(String productId, String alias, String key) {
        notifications.link(productId, alias, key);
        notifications.attach(productId, alias, key);
    }

    /**
     * Replays the subscription's notifications and stores the result. {@code base} is the locked row with
     * any registration data already set; {@code forceVersion} bumps the access version even when the
     * derived fields did not change (a newly linked customer).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    SubscriptionRecord project(SubscriptionRecord base, boolean forceVersion) {
        String productId = base.productId();
        String key = base.key();
        var history = notifications.ofSubscription(productId, key);
        // License Updated ties agreement ids to this license: agreement events parked under them join now.
        history.stream()
                .filter(n -> n.action() == LifecycleAction.LICENSE_UPDATED && n.agreementId() != null)
                .map(StoredNotification::agreementId)
                .distinct()
                .forEach(agreementId -> link(productId, "agmt:" + agreementId, key));
        history = notifications.ofSubscription(productId, key);
        Instant now = clock.instant();
        Lifecycle.Derived derived = Lifecycle.derive(
                history.stream().map(SubscriptionProjection::event).toList(), now);
        String agreementId = derived.agreementId();
        boolean freeTrial = derived.freeTrial() != null
                ? derived.freeTrial()
                : agreementId != null
                        && agreements.freeTrial(productId, agreementId).orElse(false);
        SubscriptionRecord next = new SubscriptionRecord(
                productId,
                key,
                derived.state(),
                base.customerId(),
                base.customerIdentifier(),
                either(derived.awsAccountId(), base.awsAccountId()),
                either(derived.licenseArn(), base.licenseArn()),
                agreementId,
                freeTrial,
                derived.activeSince(),
                derived.usageAcceptedUntil(),
                base.createdAt(),
                base.updatedAt(),
                base.version());
        boolean changed = !sameFields(base, next);
        if (!changed && !forceVersion) {
            return base;
        }
        long version = subscriptions.nextAccessVersion();
        SubscriptionRecord stored = withVersion(next, version, now);
        subscriptions.update(stored);
        if (base.state() != stored.state()) {
            announce(base.state(), stored, now);
        }
        return stored;
    }

    private void announce(SubscriptionState from, SubscriptionRecord row, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("productId", row.productId());
        data.put("key", row.key());
        data.put("from", from.value());
        data.put("to", row.state().value());
        data.put(
                "activeSince",
                row.activeSince() == null ? null : row.activeSince().toString());
        data.put(
                "usageAcceptedUntil",
                row.usageAcceptedUntil() == null
                        ? null
                        : row.usageAcceptedUntil().toString());
        data.put("freeTrial", row.freeTrial());
        data.put("licenseArn", row.licenseArn());
        data.put("awsAccountId", row.awsAccountId());
        outbox.append("subscription.changed", row.customerId(), data);
        var changed = new SubscriptionChanged(row.productId(), row.key(), row.customerId(), from, row.state(), now);
        afterCommit(() -> events.publishEvent(changed));
    }

    static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private static Lifecycle.Event event(StoredNotification n) {
        return new Lifecycle.Event(
                n.messageId(),
                n.action(),
                n.sentAt(),
                n.licenseArn(),
                n.awsAccountId(),
                n.agreementId(),
                n.freeTrial());
    }

    private static String either(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static boolean sameFields(SubscriptionRecord a, SubscriptionRecord b) {
        return withVersion(a, 0, Instant.EPOCH).equals(withVersion(b, 0, Instant.EPOCH));
    }

    private static SubscriptionRecord withVersion(SubscriptionRecord r, long version, Instant updatedAt) {
        return new SubscriptionRecord(
                r.productId(),
                r.key(),
                r.state(),
                r.customerId(),
                r.customerIdentifier(),
                r.awsAccountId(),
                r.licenseArn(),
                r.agreementId(),
                r.freeTrial(),
                r.activeSince(),
                r.usageAcceptedUntil(),
                r.createdAt(),
                updatedAt,
                version);
    }
}
