package io.marketgate.simulator.entitlement;

import java.util.Optional;

/** The GetEntitlements filter keys (the current AWS model; SDK 2.40.2 knows only the first two). */
public enum EntitlementFilter {
    CUSTOMER_IDENTIFIER,
    DIMENSION,
    CUSTOMER_AWS_ACCOUNT_ID,
    LICENSE_ARN;

    public static Optional<EntitlementFilter> parse(String name) {
        for (EntitlementFilter filter : values()) {
            if (filter.name().equals(name)) {
                return Optional.of(filter);
            }
        }
        return Optional.empty();
    }

    /** The entitlement's value for this key; null when the entitlement does not carry the field. */
    public String valueOf(EntitlementRow row) {
        return switch (this) {
            case CUSTOMER_IDENTIFIER -> row.customerIdentifier();
            case DIMENSION -> row.dimension();
            case CUSTOMER_AWS_ACCOUNT_ID -> row.customerAwsAccountId();
            case LICENSE_ARN -> row.licenseArn();
        };
    }
}
