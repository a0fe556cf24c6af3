package io.marketgate.server.entitlement;

import io.marketgate.server.customer.Customer;
import io.marketgate.server.customer.CustomerRegistered;
import io.marketgate.server.customer.Customers;
import io.marketgate.server.entitlement.jdbc.JdbcEntitlements;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.PricingModel;
import io.marketgate.server.subscription.AccessVersion;
import io.marketgate.server.subscription.SubscriptionChanged;
import io.marketgate.server.subscription.Subscriptions;
import io.marketgate.server.subscription.Subscriptions.CustomerSubscription;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The access check served from memory. Every change that alters an answer increases the database's access
 * version in its own transaction; this view reads that one counter at most once per check interval and,
 * when it moved, loads only the rows changed since (docs/adr/0005-access-view-version-counter.md). Changes
 * committed by this instance are seen by the next check at once; another instance's within the interval.
 */
@Component
public class AccessView {

    private final Customers customers;
    private final Subscriptions subscriptions;
    private final JdbcEntitlements entitlements;
    private final AccessVersion accessVersion;
    private final Catalog catalog;
    private final Clock clock;
    private final long checkIntervalNanos;

    private final Map<String, Entry> byCustomer = new ConcurrentHashMap<>();
    private final Map<String, EntitlementSnapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> index = new ConcurrentHashMap<>();
    private volatile long loadedVersion = -1;
    private volatile long checkedAt;

    private record Entry(Customer customer, String productId, String key, CustomerSubscription subscription) {}

    AccessView(
            Customers customers,
            Subscriptions subscriptions,
            JdbcEntitlements entitlements,
            AccessVersion accessVersion,
            Catalog catalog,
            Clock clock,
            @Value("${marketgate.access.version-check-interval:100ms}") Duration checkInterval) {
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.entitlements = entitlements;
        this.accessVersion = accessVersion;
        this.catalog = catalog;
        this.clock = clock;
        this.checkIntervalNanos = checkInterval.toNanos();
    }

    /**
     * The access of every customer {@code anyId} names: Marketgate id, tenant id, LicenseArn (with or
     * without {@code arn:}), legacy customer id or AWS account id (which may hold several licenses).
     */
    public List<Access> check(String anyId) {
        refreshIfStale();
        Set<String> ids = index.getOrDefault(anyId, Set.of());
        if (ids.isEmpty() && anyId.startsWith("aws:")) {
            ids = index.getOrDefault("arn:" + anyId, Set.of());
        }
        List<Access> result = new ArrayList<>(ids.size());
        for (String customerId : ids.stream().sorted().toList()) {
            Entry entry = byCustomer.get(customerId);
            if (entry != null) {
                result.add(decide(entry));
            }
        }
        return result;
    }

    /** Makes the next check read the access version (a local commit changed something). */
    public void invalidate() {
        checkedAt = System.nanoTime() - checkIntervalNanos - 1;
    }

    @EventListener
    void on(SubscriptionChanged changed) {
        invalidate();
    }

    @TransactionalEventListener
    void on(CustomerRegistered registered) {
        invalidate();
    }

    private Access decide(Entry entry) {
        PricingModel pricing =
                catalog.product(entry.productId()).map(p -> p.pricingModel()).orElse(PricingModel.SUBSCRIPTION);
        return AccessPolicy.decide(
                entry.customer().id(),
                entry.productId(),
                pricing,
                entry.subscription().subscription(),
                snapshots.get(entry.productId() + "\n" + entry.key()),
                clock.instant());
    }

    private void refreshIfStale() {
        long now = System.nanoTime();
        if (loadedVersion >= 0 && now - checkedAt < checkIntervalNanos) {
            return;
        }
        synchronized (this) {
            if (loadedVersion >= 0 && System.nanoTime() - checkedAt < checkIntervalNanos) {
                return;
            }
            long current = accessVersion.current();
            if (current != loadedVersion) {
                load(Math.max(loadedVersion, 0));
                loadedVersion = current;
            }
            checkedAt = System.nanoTime();
        }
    }

    /** Loads rows changed after {@code afterVersion}; versions commit in order (the counter row is locked). */
    private void load(long afterVersion) {
        for (CustomerSubscription changed : subscriptions.changedAfter(afterVersion)) {
            customers.byId(changed.customerId()).ifPresent(customer -> put(customer, changed));
        }
        for (EntitlementSnapshot snapshot : entitlements.changedAfter(afterVersion)) {
            snapshots.put(snapshot.productId() + "\n" + snapshot.key(), snapshot);
        }
    }

    private void put(Customer customer, CustomerSubscription subscription) {
        Entry previous = byCustomer.put(
                customer.id(),
                new Entry(
                        customer,
                        subscription.subscription().productId(),
                        subscription.subscription().key(),
                        subscription));
        if (previous != null) {
            idsOf(previous.customer())
                    .forEach(id -> index.computeIfPresent(id, (k, set) -> {
                        set.remove(customer.id());
                        return set.isEmpty() ? null : set;
                    }));
        }
        idsOf(customer).forEach(id -> index.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet())
                .add(customer.id()));
    }

    private static List<String> idsOf(Customer customer) {
        List<String> ids = new ArrayList<>();
        ids.add(customer.id());
        if (customer.tenantId() != null) {
            ids.add(customer.tenantId());
        }
        var identity = customer.identity();
        if (identity.customerIdentifier() != null) {
            ids.add(identity.customerIdentifier());
        }
        if (identity.customerAwsAccountId() != null) {
            ids.add(identity.customerAwsAccountId());
        }
        if (identity.licenseArn() != null) {
            ids.add(identity.licenseArn());
            ids.add(identity.licenseArn().substring("arn:".length()));
        }
        return ids;
    }
}
