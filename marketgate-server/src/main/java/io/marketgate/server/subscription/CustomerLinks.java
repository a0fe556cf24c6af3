package io.marketgate.server.subscription;

import io.marketgate.server.customer.AwsIdentity;
import io.marketgate.server.customer.Customer;
import io.marketgate.server.customer.CustomerRegistered;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.IdentityMode;
import io.marketgate.server.product.Product;
import io.marketgate.server.subscription.jdbc.JdbcSubscriptions;
import io.marketgate.server.subscription.jdbc.SubscriptionRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links a registered customer to their subscription, inside the registration transaction: creates the row
 * if no notification came first (G1: either may arrive first), links the customer's other ids so parked
 * notifications join, and replays.
 */
@Component
class CustomerLinks {

    private final Catalog catalog;
    private final JdbcSubscriptions subscriptions;
    private final SubscriptionProjection projection;
    private final ApplicationEventPublisher events;

    CustomerLinks(
            Catalog catalog,
            JdbcSubscriptions subscriptions,
            SubscriptionProjection projection,
            ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.subscriptions = subscriptions;
        this.projection = projection;
        this.events = events;
    }

    /** Runs inside the registration transaction: the link commits or rolls back with the customer. */
    @EventListener
    void on(CustomerRegistered registered) {
        Customer customer = registered.customer();
        Product product = catalog.product(customer.productId())
                .orElseThrow(() -> new IllegalArgumentException("Unknown product " + customer.productId()));
        AwsIdentity identity = customer.identity();
        registered(
                product.id(),
                identity.key(product.identityMode()),
                customer.id(),
                identity.customerIdentifier(),
                identity.customerAwsAccountId(),
                identity.licenseArn());
    }

    /**
     * @param key the customer key of the product's identity mode
     * @return the subscription after linking
     */
    @Transactional
    SubscriptionRecord registered(
            String productId,
            String key,
            String customerId,
            String customerIdentifier,
            String awsAccountId,
            String licenseArn) {
        Product product = catalog.product(productId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown product " + productId));
        SubscriptionRecord row = projection.open(productId, key);
        if (customerIdentifier != null) {
            projection.link(productId, "cid:" + customerIdentifier, key);
        }
        if (licenseArn != null) {
            projection.link(productId, "lic:" + licenseArn, key);
        }
        if (awsAccountId != null && product.identityMode() == IdentityMode.ACCOUNT) {
            projection.link(productId, "acct:" + awsAccountId, key);
        }
        SubscriptionRecord linked = new SubscriptionRecord(
                row.productId(),
                row.key(),
                row.state(),
                customerId,
                customerIdentifier != null ? customerIdentifier : row.customerIdentifier(),
                awsAccountId != null ? awsAccountId : row.awsAccountId(),
                licenseArn != null ? licenseArn : row.licenseArn(),
                row.agreementId(),
                row.freeTrial(),
                row.activeSince(),
                row.usageAcceptedUntil(),
                row.createdAt(),
                row.updatedAt(),
                row.version());
        // The customer fields are not derived from notifications: store them, then replay on top.
        subscriptions.update(linked);
        SubscriptionRecord stored = projection.project(linked, true);
        events.publishEvent(new EntitlementsMayHaveChanged(productId, key));
        return stored;
    }
}
