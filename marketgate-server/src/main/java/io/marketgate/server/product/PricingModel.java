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
}
