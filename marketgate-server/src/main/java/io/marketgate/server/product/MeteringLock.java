package io.marketgate.server.product;

import io.marketgate.server.product.jdbc.JdbcProductCatalog;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Fixes a product's metering region and identity mode (with the other {@link LockedField}s) before its
 * first BatchMeterUsage: from then on configuration may not change them, because AWS dedupes per region
 * and records keyed by ProductCode and by LicenseArn for one customer-hour are billed twice.
 */
@Service
public class MeteringLock {

    private final JdbcProductCatalog catalog;

    public MeteringLock(JdbcProductCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Records that the product is metered from {@code at} on, unless already recorded. Idempotent; call it
     * before every first call of a process.
     *
     * @throws IllegalStateException if the product is not in the catalogue table (nothing may be sent then)
     */
    public void lockBeforeMetering(String productId, Instant at) {
        if (!catalog.markMeteringRegionUsed(productId, at)
                && catalog.findById(productId).isEmpty()) {
            throw new IllegalStateException(
                    "Product " + productId + " is not registered; cannot lock its metering region");
        }
    }
}
