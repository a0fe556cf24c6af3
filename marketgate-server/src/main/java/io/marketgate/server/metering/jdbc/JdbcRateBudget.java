package io.marketgate.server.metering.jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A token bucket per seller account and Region in one row, shared by every instance on the database: one
 * conditional UPDATE refills by elapsed time and takes a token, so concurrent takers can never overdraw it.
 * Time is wall-clock milliseconds (the AWS quota is real time, whatever the application clock says).
 */
@Repository
public class JdbcRateBudget {

    private static final String REFILLED = "tokens + (:nowMs - updated_ms) * :perMs";

    private final JdbcClient jdbc;

    public JdbcRateBudget(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes one call from the budget if it has one.
     *
     * @param perSecond refill rate
     * @param burst most tokens the bucket holds (1: calls evenly spaced)
     * @return 0 if taken, else milliseconds to wait before trying again
     */
    public long tryTake(String key, double perSecond, double burst, long nowMs) {
        double perMs = perSecond / 1000.0;
        int taken = jdbc.sql(
                        "UPDATE metering_budget SET tokens = (CASE WHEN " + REFILLED + " > :burst THEN :burst ELSE "
                                + REFILLED
                                + " END) - 1, updated_ms = CASE WHEN :nowMs > updated_ms THEN :nowMs ELSE updated_ms END"
                                + " WHERE budget_key = :key AND " + REFILLED + " >= 1")
                .param("nowMs", nowMs)
                .param("perMs", perMs)
                .param("burst", burst)
                .param("key", key)
                .update();
        if (taken == 1) {
            return 0;
        }
        Double tokens = jdbc.sql("SELECT " + REFILLED + " FROM metering_budget WHERE budget_key = :key")
                .param("nowMs", nowMs)
                .param("perMs", perMs)
                .param("key", key)
                .query(Double.class)
                .optional()
                .orElse(null);
        if (tokens == null) {
            // The first call ever for this key: create its bucket full (once, whoever comes first) and take again.
            jdbc.sql("INSERT INTO metering_budget (budget_key, tokens, updated_ms) VALUES (:key, :burst, :nowMs)"
                            + " ON CONFLICT (budget_key) DO NOTHING")
                    .param("key", key)
                    .param("burst", burst)
                    .param("nowMs", nowMs)
                    .update();
            return tryTake(key, perSecond, burst, nowMs);
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perMs));
    }
}
