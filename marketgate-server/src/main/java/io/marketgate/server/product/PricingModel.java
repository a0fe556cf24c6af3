package io.marketgate.server.product;

/** The SaaS pricing models AWS Marketplace offers; each decides which AWS APIs a product needs. */
public enum PricingModel {
    /** Pay as you go: BatchMeterUsage hourly. */
    SUBSCRIPTION,
    /** Upfront contract: GetEntitlements. */
    CONTRACT,
    /** Contract plus metered overage: GetEntitlements and BatchMeterUsage. */
    CONTRACT_WITH_CONSUMPTION;

    public boolean metered() {
        return this != CONTRACT;
    }

    public boolean hasEntitlements() {
        return this != SUBSCRIPTION;
    }

    /** The configuration and database spelling, e.g. {@code contract-with-consumption}. */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static PricingModel fromValue(String value) {
        for (PricingModel candidate : values()) {
            if (candidate.value().equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(
                "Unknown pricing model '" + value + "'; expected subscription, contract or contract-with-consumption");
    }
}
