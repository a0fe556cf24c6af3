package io.marketgate.server.fulfillment;

import io.marketgate.server.aws.CustomerResolver;
import io.marketgate.server.aws.Resolution;
import io.marketgate.server.customer.AwsIdentity;
import io.marketgate.server.customer.Customers;
import io.marketgate.server.product.Product;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The fulfillment POST: resolves the registration token at once (it expires, and the buyer is waiting),
 * checks that it belongs to the product, and keeps the identity as a pending registration. The token is
 * never stored, logged or returned.
 */
@Service
public class Fulfillment {

    private static final Logger LOG = LoggerFactory.getLogger(Fulfillment.class);

    private final ObjectProvider<CustomerResolver> resolver;
    private final Customers customers;
    private final PendingRegistrations pending;

    public Fulfillment(ObjectProvider<CustomerResolver> resolver, Customers customers, PendingRegistrations pending) {
        this.resolver = resolver;
        this.customers = customers;
        this.pending = pending;
    }

    public FulfillmentOutcome receive(Product product, String token, String offerType) {
        CustomerResolver available = resolver.getIfAvailable();
        if (available == null) {
            LOG.error("Fulfillment for product '{}': no customer resolver is configured", product.id());
            return new FulfillmentOutcome.Unavailable();
        }
        Resolution resolution = available.resolve(product, token);
        return switch (resolution) {
            case Resolution.Resolved resolved -> resolved(product, resolved, offerType);
            case Resolution.InvalidToken invalid -> {
                LOG.info("Fulfillment for product '{}': AWS refused the registration token as invalid", product.id());
                yield new FulfillmentOutcome.InvalidToken();
            }
            case Resolution.ExpiredToken expired -> {
                LOG.info("Fulfillment for product '{}': the registration token had expired", product.id());
                yield new FulfillmentOutcome.ExpiredToken();
            }
            case Resolution.Unavailable unavailable -> {
                LOG.warn(
                        "Fulfillment for product '{}': ResolveCustomer unavailable ({}); the buyer was asked to retry",
                        product.id(),
                        scrub(unavailable.message(), token));
                yield new FulfillmentOutcome.Unavailable();
            }
        };
    }

    private FulfillmentOutcome resolved(Product product, Resolution.Resolved resolved, String offerType) {
        if (!product.productCode().equals(resolved.productCode())) {
            LOG.warn(
                    "Fulfillment for product '{}' ({}): the token belongs to product code '{}'; refused",
                    product.id(),
                    product.productCode(),
                    resolved.productCode());
            return new FulfillmentOutcome.OtherProduct();
        }
        AwsIdentity identity =
                new AwsIdentity(resolved.customerIdentifier(), resolved.customerAwsAccountId(), resolved.licenseArn());
        String key = identity.key(product.identityMode());
        if (key == null) {
            LOG.warn(
                    "Fulfillment for product '{}': AWS returned no {} key for the buyer (account {}); check the"
                            + " product's identity-mode",
                    product.id(),
                    product.identityMode().value(),
                    resolved.customerAwsAccountId());
            return new FulfillmentOutcome.MissingIdentity();
        }
        var existing = customers.byKey(product.id(), key);
        if (existing.isPresent()) {
            LOG.info(
                    "Fulfillment for product '{}': customer {} registered already",
                    product.id(),
                    existing.get().id());
            return new FulfillmentOutcome.AlreadyRegistered(existing.get());
        }
        PendingRegistrations.Started started = pending.start(product, resolved.productCode(), identity, offerType);
        LOG.info(
                "Fulfillment for product '{}': buyer account {} resolved; pending registration {} until {}",
                product.id(),
                resolved.customerAwsAccountId(),
                started.pending().id(),
                started.pending().expiresAt());
        return new FulfillmentOutcome.Pending(started);
    }

    private static String scrub(String message, String token) {
        return message == null ? "" : message.replace(token, "[token]");
    }
}
