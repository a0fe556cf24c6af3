package io.marketgate.simulator.state;

import java.util.Locale;

/** The SaaS pricing models; contracts carry entitlements, subscriptions and consumption are metered. */
public enum PricingModel {
    SUBSCRIPTION,
    CONTRACT,
    CONTRACT_WITH_CONSUMPTION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean hasEntitlements() {
        return this != SUBSCRIPTION;
    }

    public boolean isMetered() {
        return this != CONTRACT;
    }

    public static PricingModel parse(String value) {
        for (PricingModel model : values()) {
            if (model.wireName().equalsIgnoreCase(value)) {
                return model;
            }
        }
        throw new IllegalArgumentException(
                "pricingModel must be one of subscription, contract, contract-with-consumption; got " + value);
    }
}
