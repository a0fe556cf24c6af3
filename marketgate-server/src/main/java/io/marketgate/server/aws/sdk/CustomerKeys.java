package io.marketgate.server.aws.sdk;

import io.marketgate.server.aws.AwsCustomerKey;
import io.marketgate.server.product.IdentityMode;

/** Which field of a customer key an identity mode uses, and under which names AWS expects it. */
final class CustomerKeys {

    /**
     * @param field the key's field, for messages
     * @param entitlementFilter the GetEntitlements filter name
     * @param value the key, or null when the customer key lacks it
     */
    record Key(String field, String entitlementFilter, String value) {}

    private CustomerKeys() {}

    static Key of(IdentityMode mode, AwsCustomerKey customer) {
        return switch (mode) {
            case LEGACY -> new Key("CustomerIdentifier", "CUSTOMER_IDENTIFIER", customer.customerIdentifier());
            case ACCOUNT -> new Key("CustomerAWSAccountId", "CUSTOMER_AWS_ACCOUNT_ID", customer.customerAwsAccountId());
            case LICENSE -> new Key("LicenseArn", "LICENSE_ARN", customer.licenseArn());
        };
    }
}
