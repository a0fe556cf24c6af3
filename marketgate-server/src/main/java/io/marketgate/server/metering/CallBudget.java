package io.marketgate.server.metering;

import io.marketgate.server.metering.jdbc.JdbcRateBudget;
import io.marketgate.server.product.Product;

/**
 * The BatchMeterUsage quota (per seller account and Region) as a budget every instance draws from through
 * the database; a call waits for its token. The SDK's own retries are off, so every call is counted.
 */
public class CallBudget {

    private final JdbcRateBudget budget;
    private final double perSecond;

    public CallBudget(JdbcRateBudget budget, double perSecond) {
        this.budget = budget;
        this.perSecond = perSecond;
    }

    /** Blocks until the product's account and Region may make one more call. */
    void take(Product product) {
        String key = product.seller().accountId() + "/" + product.meteringRegion();
        long wait;
        while ((wait = budget.tryTake(key, perSecond, 1, System.currentTimeMillis())) > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the BatchMeterUsage budget", e);
            }
        }
    }
}
