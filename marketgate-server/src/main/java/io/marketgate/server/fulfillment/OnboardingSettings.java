package io.marketgate.server.fulfillment;

import java.time.Duration;
import java.util.Map;

/**
 * Onboarding settings resolved from configuration for the catalogue's products.
 *
 * @param pendingTtl how long a pending registration can be completed after the fulfillment POST
 * @param assertionTtl how long the seller's app may take to verify a registration assertion
 * @param maxFormBytes the largest fulfillment or registration form accepted
 * @param demo whether the demo catalogue is served (the demo seller page exists only then)
 */
public record OnboardingSettings(
        Duration pendingTtl,
        Duration assertionTtl,
        long maxFormBytes,
        boolean demo,
        Map<String, ProductPages> products) {

    public OnboardingSettings {
        products = Map.copyOf(products);
    }

    public ProductPages pages(String productId) {
        ProductPages pages = products.get(productId);
        if (pages == null) {
            throw new IllegalArgumentException("No onboarding pages for product " + productId);
        }
        return pages;
    }
}
