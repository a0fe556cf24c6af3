package io.marketgate.server.customer;

import io.marketgate.server.product.IdentityMode;

/**
 * How AWS knows the buyer, as ResolveCustomer answered it.
 *
 * @param customerIdentifier legacy customer id; null for new (license) integrations
 * @param customerAwsAccountId the buyer's AWS account; one account may hold several licenses
 * @param licenseArn the buyer's license, kept with its {@code arn:} prefix (EventBridge events omit it)
 */
public record AwsIdentity(String customerIdentifier, String customerAwsAccountId, String licenseArn) {

    public AwsIdentity {
        licenseArn = normaliseLicenseArn(licenseArn);
    }

    /**
     * The key of the product's identity mode: legacy → customerIdentifier, account → account id, license →
     * licenseArn. Null when AWS did not send the field that mode needs.
     */
    public String key(IdentityMode mode) {
        return switch (mode) {
            case LEGACY -> customerIdentifier;
            case ACCOUNT -> customerAwsAccountId;
            case LICENSE -> licenseArn;
        };
    }

    /**
     * A LicenseArn with its {@code arn:} prefix: ResolveCustomer sends {@code arn:aws:license-manager:…},
     * EventBridge events {@code aws:license-manager:…}; both name the same license. Null and blank stay null.
     */
    public static String normaliseLicenseArn(String licenseArn) {
        if (licenseArn == null || licenseArn.isBlank()) {
            return null;
        }
        return licenseArn.startsWith("arn:") ? licenseArn : "arn:" + licenseArn;
    }
}
