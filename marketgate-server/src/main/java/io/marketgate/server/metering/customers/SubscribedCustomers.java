package io.marketgate.server.metering.customers;

import io.marketgate.server.aws.AwsCustomerKey;
import io.marketgate.server.customer.Customer;
import io.marketgate.server.customer.Customers;
import io.marketgate.server.metering.MeteringCustomer;
import io.marketgate.server.metering.MeteringCustomers;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.IdentityMode;
import io.marketgate.server.subscription.AccessVersion;
import io.marketgate.server.subscription.SubscriptionState;
import io.marketgate.server.subscription.SubscriptionView;
import io.marketgate.server.subscription.Subscriptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The metering view of registered customers: their AWS key and what their subscription allows. */
@Component
class SubscribedCustomers implements MeteringCustomers {

    private static final int PAGE = 500;
    /** Subscription keys per query. */
    private static final int CHUNK = 500;

    private final Customers customers;
    private final Subscriptions subscriptions;
    private final Catalog catalog;
    private final AccessVersion accessVersion;
    private final VersionedCache cache = new VersionedCache();

    SubscribedCustomers(
            Customers customers, Subscriptions subscriptions, Catalog catalog, AccessVersion accessVersion) {
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.accessVersion = accessVersion;
    }

    /** Lookups valid at one access version; a new version starts an empty map, and so does a full one. */
    private static final class VersionedCache {
        private static final int MAX_ENTRIES = 100_000;
        private long version = -1;
        private Map<String, Lookup> entries = new ConcurrentHashMap<>();

        synchronized Map<String, Lookup> at(long current) {
            if (current < version) {
                return new HashMap<>(); // a caller that read the counter just before another moved on
            }
            if (current > version || entries.size() >= MAX_ENTRIES) {
                version = current;
                entries = new ConcurrentHashMap<>();
            }
            return entries;
        }
    }

    /**
     * Answers from the cache while the access version is the one it was filled under: every transaction
     * that registers a customer, changes a tenant id or a subscription increases that version
     * (docs/adr/0005-access-view-version-counter.md), so reading the counter once per call keeps every answer
     * exact, on every instance. Unknown ids are never cached; they are looked up again each time.
     */
    @Override
    public Map<String, Lookup> findAll(Collection<String> anyIds) {
        Map<String, Lookup> lookups = new HashMap<>();
        List<String> misses = new ArrayList<>();
        Map<String, Lookup> cached = cache.at(accessVersion.current());
        for (String anyId : anyIds) {
            Lookup hit = cached.get(anyId);
            if (hit != null) {
                lookups.put(anyId, hit);
            } else {
                misses.add(anyId);
            }
        }
        if (misses.isEmpty()) {
            return lookups;
        }
        Map<String, List<Customer>> found = customers.lookupAll(misses);
        Map<String, MeteringCustomer> views = views(found.values().stream()
                .filter(candidates -> candidates.size() == 1)
                .map(candidates -> candidates.get(0))
                .toList());
        found.forEach((anyId, candidates) -> {
            Lookup lookup =
                    switch (candidates.size()) {
                        case 0 -> new Lookup.NotFound();
                        case 1 -> {
                            MeteringCustomer view = views.get(candidates.get(0).id());
                            yield view == null ? new Lookup.NotFound() : new Lookup.Found(view);
                        }
                        default -> new Lookup.Ambiguous(candidates.size());
                    };
            lookups.put(anyId, lookup);
            if (!(lookup instanceof Lookup.NotFound)) {
                cached.put(anyId, lookup);
            }
        });
        return lookups;
    }

    @Override
    public List<MeteringCustomer> subscribed(String productId) {
        List<MeteringCustomer> subscribed = new ArrayList<>();
        String after = null;
        List<Customer> page;
        do {
            page = customers.list(productId, null, after, PAGE);
            views(page).values().stream().filter(MeteringCustomer::subscribed).forEach(subscribed::add);
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        } while (page.size() == PAGE);
        return subscribed;
    }

    /** The metering view of each customer whose product is still configured, by customer id. */
    private Map<String, MeteringCustomer> views(List<Customer> found) {
        Map<String, MeteringCustomer> views = new LinkedHashMap<>();
        Map<String, List<Customer>> byProduct = new LinkedHashMap<>();
        found.forEach(customer -> byProduct
                .computeIfAbsent(customer.productId(), p -> new ArrayList<>())
                .add(customer));
        byProduct.forEach((productId, ofProduct) -> catalog.product(productId).ifPresent(product -> {
            IdentityMode mode = product.identityMode();
            for (int from = 0; from < ofProduct.size(); from += CHUNK) {
                List<Customer> chunk = ofProduct.subList(from, Math.min(ofProduct.size(), from + CHUNK));
                Map<String, SubscriptionView> subscriptionsByKey = subscriptions.ofAll(
                        productId,
                        chunk.stream()
                                .map(c -> c.identity().key(mode))
                                .filter(Objects::nonNull)
                                .toList());
                for (Customer customer : chunk) {
                    String key = customer.identity().key(mode);
                    views.put(
                            customer.id(),
                            view(customer, Optional.ofNullable(key == null ? null : subscriptionsByKey.get(key))));
                }
            }
        }));
        return views;
    }

    private static MeteringCustomer view(Customer customer, Optional<SubscriptionView> subscription) {
        String account = customer.identity().customerAwsAccountId() != null
                ? customer.identity().customerAwsAccountId()
                : subscription.map(SubscriptionView::awsAccountId).orElse(null);
        SubscriptionState state = subscription.map(SubscriptionView::state).orElse(SubscriptionState.PENDING);
        return new MeteringCustomer(
                customer.id(),
                customer.productId(),
                new AwsCustomerKey(
                        customer.identity().customerIdentifier(),
                        account,
                        customer.identity().licenseArn()),
                subscription.map(SubscriptionView::activeSince).orElse(null),
                subscription.map(SubscriptionView::usageAcceptedUntil).orElse(null),
                state == SubscriptionState.ACTIVE);
    }
}
