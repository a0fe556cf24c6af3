package io.marketgate.server.subscription.jdbc;

import io.marketgate.server.shared.jdbc.TimestampColumns;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code agreement} table: what the Agreement API said, read after commit. */
@Repository
public class JdbcAgreements {

    private final JdbcClient jdbc;
    private final TimestampColumns timestamps;

    public JdbcAgreements(JdbcClient jdbc, TimestampColumns timestamps) {
        this.jdbc = jdbc;
        this.timestamps = timestamps;
    }

    /** Stores or replaces what was read about the agreement. */
    public void save(String productId, String agreementId, String status, boolean freeTrial, Instant readAt) {
        jdbc.sql("INSERT INTO agreement (product_id, agreement_id, status, free_trial, read_at) VALUES (:productId,"
                        + " :agreementId, :status, :freeTrial, :readAt) ON CONFLICT (product_id, agreement_id)"
                        + " DO UPDATE SET status = excluded.status, free_trial = excluded.free_trial,"
                        + " read_at = excluded.read_at")
                .param("productId", productId)
                .param("agreementId", agreementId)
                .param("status", status)
                .param("freeTrial", freeTrial)
                .param("readAt", timestamps.bind(readAt))
                .update();
    }

    /** Whether the agreement's terms hold a free trial, if it has been read. */
    public Optional<Boolean> freeTrial(String productId, String agreementId) {
        return jdbc.sql("SELECT free_trial FROM agreement WHERE product_id = :productId"
                        + " AND agreement_id = :agreementId")
                .param("productId", productId)
                .param("agreementId", agreementId)
                .query(Boolean.class)
                .optional();
    }
}
