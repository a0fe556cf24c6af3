package io.marketgate.server.metering;

import io.marketgate.server.aws.AwsCustomerKey;
import io.marketgate.server.product.IdentityMode;

/** The field of a customer's AWS identity that keys its metering records in each identity mode. */
final class CustomerKeys {

    private CustomerKeys() {}

    /** legacy: CustomerIdentifier; account: CustomerAWSAccountId; license: LicenseArn. Null if missing. */
    static String key(IdentityMode mode, AwsCustomerKey key) {
        String value =
                switch (mode) {
                    case LEGACY -> key.customerIdentifier();
                    case ACCOUNT -> key.customerAwsAccountId();
                    case LICENSE -> key.customerAwsAccountId() == null ? null : key.licenseArn();
                };
        return value == null || value.isBlank() ? null : value;
    }

    static String field(IdentityMode mode) {
        return switch (mode) {
            case LEGACY -> "CustomerIdentifier";
            case ACCOUNT -> "CustomerAWSAccountId";
            case LICENSE -> "LicenseArn with CustomerAWSAccountId";
        };
    }
}
