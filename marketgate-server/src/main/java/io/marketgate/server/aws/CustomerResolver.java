package io.marketgate.server.aws;

import io.marketgate.server.product.Product;

/**
 * Port: ResolveCustomer with the credentials of the product's seller (the publishing account). Called inside
 * the fulfillment POST, because the token expires; never queued.
 */
public interface CustomerResolver {

    /** Resolves {@code registrationToken}; expected AWS outcomes are results, never exceptions. */
    Resolution resolve(Product product, String registrationToken);
}
