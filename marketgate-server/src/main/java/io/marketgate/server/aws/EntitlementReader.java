package io.marketgate.server.aws;

import io.marketgate.server.product.Product;

/**
 * Port: GetEntitlements (us-east-1) with the seller's credentials, every page (empty pages with a NextToken
 * included), filtered by the customer key of the product's identity mode.
 */
public interface EntitlementReader {

    /**
     * The entitlements of one customer of {@code product}.
     *
     * @param customer the buyer as AWS knows them; the identity mode picks the filter: legacy →
     *     CUSTOMER_IDENTIFIER, account → CUSTOMER_AWS_ACCOUNT_ID, license → LICENSE_ARN
     */
    EntitlementRead read(Product product, AwsCustomerKey customer);
}
