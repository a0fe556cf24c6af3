package io.marketgate.server.metering.customers;

import io.marketgate.server.aws.AwsCustomerKey;
import io.marketgate.server.customer.Customer;
import io.marketgate.server.customer.Customers;
import io.marketgate.server.metering.MeteringCustomer;
import io.marketgate.server.metering.MeteringCustomers;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.Product;
import io.marketgate.server.subscription.SubscriptionState;
import io.marketgate.server.subscription.SubscriptionView;
import io.marketgate.server.subscription.Subscriptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The metering view of registered customers: their AWS key and what their subscription allows. */
@Component
class SubscribedCustomers implements MeteringCustomers {

    private static final int PAGE = 500;

    private final Customers customers;
    private final Subscriptions subscriptions;
    private final Catalog catalog;

    SubscribedCustomers(Customers customers, Subscriptions subscriptions, Catalog catalog) {
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.catalog = catalog;
    }

    @Override
    public Lookup find(String anyId) {
        List<Customer> found = customers.lookup(anyId);
        if (found.isEmpty()) {
            return new Lookup.NotFound();
        }
        if (found.size() > 1) {
            return new Lookup.Ambiguous(found.size());
        }
        return view(found.get(0)).<Lookup>map(Lookup.Found::new).orElseGet(Lookup.NotFound::new);
    }

    @Override
    public List<MeteringCustomer> subscribed(String productId) {
        List<MeteringCustomer> subscribed = new ArrayList<>();
        String after = null;
        List<Customer> page;
        do {
            page = customers.list(productId, null, after, PAGE);
            for (Customer customer : page) {
                view(customer).filter(MeteringCustomer::subscribed).ifPresent(subscribed::add);
                after = customer.id();
            }
        } while (page.size() == PAGE);
        return subscribed;
    }

    private Optional<MeteringCustomer> view(Customer customer) {
        Optional<Product> product = catalog.product(customer.productId());
        if (product.isEmpty()) {
            return Optional.empty();
        }
        String key = customer.identity().key(product.get().identityMode());
        Optional<SubscriptionView> subscription =
                key == null ? Optional.empty() : subscriptions.of(customer.productId(), key);
        String account = customer.identity().customerAwsAccountId() != null
                ? customer.identity().customerAwsAccountId()
                : subscription.map(SubscriptionView::awsAccountId).orElse(null);
        SubscriptionState state = subscription.map(SubscriptionView::state).orElse(SubscriptionState.PENDING);
        return Optional.of(new MeteringCustomer(
                customer.id(),
                customer.productId(),
                new AwsCustomerKey(
                        customer.identity().customerIdentifier(),
                        account,
                        customer.identity().licenseArn()),
                subscription.map(SubscriptionView::activeSince).orElse(null),
                subscription.map(SubscriptionView::usageAcceptedUntil).orElse(null),
                state == SubscriptionState.ACTIVE));
    }
}
