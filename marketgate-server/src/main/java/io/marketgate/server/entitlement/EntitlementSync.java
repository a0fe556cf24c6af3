package io.marketgate.server.entitlement;

import io.marketgate.server.aws.AwsCustomerKey;
import io.marketgate.server.aws.EntitlementRead;
import io.marketgate.server.aws.EntitlementReader;
import io.marketgate.server.entitlement.jdbc.JdbcEntitlements;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.Product;
import io.marketgate.server.subscription.AccessVersion;
import io.marketgate.server.subscription.EntitlementsMayHaveChanged;
import io.marketgate.server.subscription.SubscriptionView;
import io.marketgate.server.subscription.Subscriptions;
import io.marketgate.server.webhook.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps contract entitlements current. Stage 1 (in the notifying transaction): record that a read is due.
 * Stage 2 (after commit, and periodically): call GetEntitlements outside any transaction, then store a new
 * snapshot only if something changed, with an {@code entitlements.changed} outbox row, in one transaction.
 * A failed read is retried with backoff and never clears the snapshot. A passed ExpirationDate is a
 * minimum validity date (G18): it schedules a read, it revokes nothing.
 */
@Service
public class EntitlementSync {

    private static final Logger log = LoggerFactory.getLogger(EntitlementSync.class);
    private static final int BATCH = 50;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(10);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);
    private static final Duration PAST_EXPIRATION_RECHECK = Duration.ofMinutes(15);

    private final Catalog catalog;
    private final Subscriptions subscriptions;
    private final EntitlementReader reader;
    private final JdbcEntitlements table;
    private final AccessVersion accessVersion;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration refreshInterval;
    private final AccessView accessView;
    private final ExecutorService kicks =
            Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());

    EntitlementSync(
            Catalog catalog,
            Subscriptions subscriptions,
            EntitlementReader reader,
            JdbcEntitlements table,
            AccessVersion accessVersion,
            Outbox outbox,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${marketgate.entitlements.refresh-interval:1h}") Duration refreshInterval,
            AccessView accessView) {
        this.accessView = accessView;
        this.catalog = catalog;
        this.subscriptions = subscriptions;
        this.reader = reader;
        this.table = table;
        this.accessVersion = accessVersion;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
    }

    /** Stage 1, inside the transaction that stored the notification or registration. */
    @EventListener
    void on(EntitlementsMayHaveChanged event) {
        Optional<Product> product = catalog.product(event.productId());
        if (product.isEmpty() || !product.get().pricingModel().hasEntitlements()) {
            return;
        }
        table.requestSync(event.productId(), event.key(), clock.instant());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    kicks.execute(EntitlementSync.this::runDue);
                }
            });
        }
    }

    /** Stage 2: reads every due subscription; returns how many were read. */
    @Scheduled(fixedDelayString = "${marketgate.entitlements.poll-interval:2s}")
    public synchronized int runDue() {
        List<JdbcEntitlements.Due> due = table.due(clock.instant(), BATCH);
        for (JdbcEntitlements.Due next : due) {
            try {
                sync(next);
            } catch (RuntimeException e) {
                log.warn("Entitlements of {} / {} could not be synced", next.productId(), next.key(), e);
                failed(next, e.getMessage());
            }
        }
        return due.size();
    }

    private void sync(JdbcEntitlements.Due due) {
        Optional<Product> product = catalog.product(due.productId());
        Optional<SubscriptionView> subscription = subscriptions.of(due.productId(), due.key());
        if (product.isEmpty() || subscription.isEmpty()) {
            table.scheduleNext(due.productId(), due.key(), clock.instant().plus(refreshInterval), 0, "unknown");
            return;
        }
        EntitlementRead read = reader.read(product.get(), customerKey(product.get(), subscription.get()));
        switch (read) {
            case EntitlementRead.Read ok -> store(due, items(ok));
            case EntitlementRead.Failed failed -> failed(due, failed.message());
        }
    }

    private void store(JdbcEntitlements.Due due, List<EntitlementItem> items) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            table.scheduleNext(due.productId(), due.key(), nextRead(items, now), 0, null);
            var latest = table.latest(due.productId(), due.key());
            if (latest.isPresent() && latest.get().entitlements().equals(items)) {
                return;
            }
            table.insert(due.productId(), due.key(), items, now, accessVersion.next());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("productId", due.productId());
            data.put("key", due.key());
            data.put(
                    "entitlements",
                    items.stream().map(EntitlementSync::describe).toList());
            outbox.append("entitlements.changed", customerId(due), data);
        });
        accessView.invalidate();
    }

    private String customerId(JdbcEntitlements.Due due) {
        return subscriptions.customerOf(due.productId(), due.key()).orElse(null);
    }

    private void failed(JdbcEntitlements.Due due, String reason) {
        int failures = due.failures() + 1;
        Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 20));
        if (backoff.compareTo(MAX_BACKOFF) > 0) {
            backoff = MAX_BACKOFF;
        }
        table.scheduleNext(due.productId(), due.key(), clock.instant().plus(backoff), failures, reason);
    }

    /** The periodic read, or sooner when an entitlement's minimum validity date comes first. */
    private Instant nextRead(List<EntitlementItem> items, Instant now) {
        Instant next = now.plus(refreshInterval);
        for (EntitlementItem item : items) {
            Instant expiration = item.expiration();
            if (expiration == null) {
                continue;
            }
            Instant candidate = expiration.isAfter(now) ? expiration : now.plus(PAST_EXPIRATION_RECHECK);
            if (candidate.isBefore(next)) {
                next = candidate;
            }
        }
        return next;
    }

    static AwsCustomerKey customerKey(Product product, SubscriptionView subscription) {
        return switch (product.identityMode()) {
            case LEGACY ->
                new AwsCustomerKey(subscription.key(), subscription.awsAccountId(), subscription.licenseArn());
            case ACCOUNT -> new AwsCustomerKey(null, subscription.key(), subscription.licenseArn());
            case LICENSE -> new AwsCustomerKey(null, subscription.awsAccountId(), subscription.key());
        };
    }

    static List<EntitlementItem> items(EntitlementRead.Read read) {
        return read.entitlements().stream()
                .map(e -> switch (e.value()) {
                    case EntitlementRead.EntitlementValue.IntegerValue v ->
                        new EntitlementItem(e.dimension(), "integer", v.value(), e.expiration());
                    case EntitlementRead.EntitlementValue.DoubleValue v ->
                        new EntitlementItem(e.dimension(), "double", v.value(), e.expiration());
                    case EntitlementRead.EntitlementValue.BooleanValue v ->
                        new EntitlementItem(e.dimension(), "boolean", v.value(), e.expiration());
                    case EntitlementRead.EntitlementValue.StringValue v ->
                        new EntitlementItem(e.dimension(), "string", v.value(), e.expiration());
                })
                .map(item ->
                        new EntitlementItem(item.dimension(), item.type(), item.value(), truncate(item.expiration())))
                .sorted(Comparator.comparing(EntitlementItem::dimension)
                        .thenComparing(EntitlementItem::type)
                        .thenComparing(i -> String.valueOf(i.value())))
                .toList();
    }

    private static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    static Map<String, Object> describe(EntitlementItem item) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("dimension", item.dimension());
        map.put("type", item.type());
        map.put("value", item.value());
        map.put(
                "expiration",
                item.expiration() == null ? null : item.expiration().toString());
        return map;
    }
}
