package io.marketgate.server.subscription;

import io.marketgate.server.aws.AgreementRead;
import io.marketgate.server.aws.AgreementReader;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.subscription.jdbc.JdbcAgreements;
import io.marketgate.server.subscription.jdbc.JdbcNotifications;
import io.marketgate.server.subscription.jdbc.JdbcSubscriptions;
import io.marketgate.server.subscription.jdbc.SubscriptionRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lifecycle's periodic steps, each restartable and each in its own short transaction:
 * <ol>
 *   <li>a deprovisioning subscription past its final hour becomes ended (with its event);
 *   <li>notifications parked under an id linked by a concurrent transaction join their subscription;
 *   <li>agreements named by notifications are read from the Agreement API (outside any transaction) for
 *       the free-trial flag; a failed read is retried with backoff.
 * </ol>
 */
@Component
class LifecycleSweeper {

    private static final Logger log = LoggerFactory.getLogger(LifecycleSweeper.class);
    private static final int BATCH = 100;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);

    private final JdbcSubscriptions subscriptions;
    private final JdbcNotifications notifications;
    private final JdbcAgreements agreements;
    private final SubscriptionProjection projection;
    private final ObjectProvider<AgreementReader> agreementReader;
    private final Catalog catalog;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<String, Instant> agreementRetryAt = new HashMap<>();
    private final Map<String, Duration> agreementBackoff = new HashMap<>();

    LifecycleSweeper(
            JdbcSubscriptions subscriptions,
            JdbcNotifications notifications,
            JdbcAgreements agreements,
            SubscriptionProjection projection,
            ObjectProvider<AgreementReader> agreementReader,
            Catalog catalog,
            TransactionTemplate transactions,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.notifications = notifications;
        this.agreements = agreements;
        this.projection = projection;
        this.agreementReader = agreementReader;
        this.catalog = catalog;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${marketgate.lifecycle.sweep-interval:5s}")
    synchronized void sweep() {
        endDeprovisioned();
        attachLinkedNotifications();
        readAgreements();
    }

    /** Step 1. Guarantee: once this returns, no deprovisioning row past its hour remains. */
    int endDeprovisioned() {
        List<SubscriptionRecord> due = subscriptions.deprovisionedBefore(clock.instant(), BATCH);
        due.forEach(row -> reproject(row.productId(), row.key()));
        return due.size();
    }

    /** Step 2. Guarantee: a parked notification whose id is linked ends attached and applied. */
    int attachLinkedNotifications() {
        List<List<String>> links = notifications.linkedButParked(BATCH);
        for (List<String> link : links) {
            transactions.executeWithoutResult(status -> {
                projection.link(link.get(0), link.get(1), link.get(2));
                projection.project(projection.open(link.get(0), link.get(2)), false);
            });
        }
        return links.size();
    }

    /** Step 3. Guarantee: every agreement seen is read once it answers; nothing is written on a failure. */
    void readAgreements() {
        AgreementReader reader = agreementReader.getIfAvailable();
        if (reader == null) {
            return;
        }
        for (Map.Entry<String, String> agreement : notifications.unreadAgreements(BATCH)) {
            String productId = agreement.getKey();
            String agreementId = agreement.getValue();
            String retryKey = productId + "/" + agreementId;
            Instant now = clock.instant();
            if (now.isBefore(agreementRetryAt.getOrDefault(retryKey, Instant.MIN))) {
                continue;
            }
            var product = catalog.product(productId);
            if (product.isEmpty()) {
                continue;
            }
            AgreementRead read = reader.describe(product.get(), agreementId);
            switch (read) {
                case AgreementRead.Found found -> {
                    agreementRetryAt.remove(retryKey);
                    agreementBackoff.remove(retryKey);
                    transactions.executeWithoutResult(status -> {
                        agreements.save(productId, agreementId, found.status(), found.freeTrial(), now);
                        subscriptions
                                .byAgreement(productId, agreementId)
                                .forEach(row -> projection.project(projection.open(productId, row.key()), false));
                    });
                }
                case AgreementRead.NotFound notFound -> retryLater(retryKey, now, notFound.message());
                case AgreementRead.Failed failed -> retryLater(retryKey, now, failed.message());
            }
        }
    }

    private void retryLater(String retryKey, Instant now, String reason) {
        Duration backoff = agreementBackoff.merge(
                retryKey,
                Duration.ofSeconds(10),
                (old, initial) -> old.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : old.multipliedBy(2));
        agreementRetryAt.put(retryKey, now.plus(backoff));
        log.warn("Agreement {} could not be read ({}); retrying in {}", retryKey, reason, backoff);
    }

    private void reproject(String productId, String key) {
        transactions.executeWithoutResult(status -> projection.project(projection.open(productId, key), false));
    }
}
