package io.marketgate.server.product;

/** How a product identifies customers towards AWS; chosen per product and fixed for its metering history. */
public enum IdentityMode {
    /** CustomerIdentifier + request ProductCode (listings from before 2026). */
    LEGACY,
    /** CustomerAWSAccountId + request ProductCode (existing listings moving off CustomerIdentifier). */
    ACCOUNT,
    /**
     * CustomerAWSAccountId + LicenseArn per record, no ProductCode (Concurrent Agreements; mandatory for
     * products listed since 2026-06-01). The license, not the account, is the customer key.
     */
    LICENSE;

    /** The configuration and database spelling, e.g. {@code license}. */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static IdentityMode fromValue(String value) {
        for (IdentityMode candidate : values()) {
            if (candidate.value().equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(
                "Unknown identity mode '" + value + "'; expected legacy, account or license");
    }
}
