package io.marketgate.server.metering;

import io.marketgate.server.metering.jdbc.JdbcRateBudget;
import io.marketgate.server.product.Product;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The BatchMeterUsage quota (per seller account and Region) as a budget every instance draws from through
 * the database; a call waits for its token. The SDK's own retries are off, so every call is counted.
 */
public class CallBudget {

    private final JdbcRateBudget budget;
    private final double perSecond;
    // One sender of this instance at a time waits on the shared bucket; the others queue here, in memory,
    // rather than all polling the database for the same token (on SQLite each poll takes the write lock).
    private final Map<String, ReentrantLock> waiting = new ConcurrentHashMap<>();

    public CallBudget(JdbcRateBudget budget, double perSecond) {
        this.budget = budget;
        this.perSecond = perSecond;
    }

    /** Blocks until the product's account and Region may make one more call. */
    void take(Product product) {
        String key = product.seller().accountId() + "/" + product.meteringRegion();
        ReentrantLock turn = waiting.computeIfAbsent(key, k -> new ReentrantLock(true));
        try {
            turn.lockInterruptibly();
            try {
                long wait;
                while ((wait = budget.tryTake(key, perSecond, 1, System.currentTimeMillis())) > 0) {
                    Thread.sleep(wait);
                }
            } finally {
                turn.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the BatchMeterUsage budget", e);
        }
    }
}
