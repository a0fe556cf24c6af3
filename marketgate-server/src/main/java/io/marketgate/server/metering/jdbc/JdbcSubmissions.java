package io.marketgate.server.metering.jdbc;

import io.marketgate.server.metering.MeteringPause;
import io.marketgate.server.shared.jdbc.DatabaseVendor;
import io.marketgate.server.shared.jdbc.TimestampColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Frozen records on their way to AWS: claims (a lease per call, so several instances share the work and a
 * crashed one's records are resent identically after the lease), outcomes, expiry and product pauses.
 */
@Repository
public class JdbcSubmissions {

    private static final String RECORD_COLUMNS = "id, product_id, identity_mode, customer_id, customer_identifier,"
            + " customer_aws_account_id, license_arn, dimension, hour, quantity, allocations, payload_bytes, deadline,"
            + " zero, state, attempts";

    private final JdbcClient jdbc;
    private final TimestampColumns timestamps;
    private final boolean postgresql;

    public JdbcSubmissions(JdbcClient jdbc, TimestampColumns timestamps, DataSource dataSource) {
        this.jdbc = jdbc;
        this.timestamps = timestamps;
        this.postgresql = DatabaseVendor.of(dataSource) == DatabaseVendor.POSTGRESQL;
    }

    /** A frozen record as sent and settled. */
    public record FrozenRecord(
            long id,
            String productId,
            String identityMode,
            String customerId,
            String customerIdentifier,
            String customerAwsAccountId,
            String licenseArn,
            String dimension,
            Instant hour,
            long quantity,
            String allocations,
            int payloadBytes,
            Instant deadline,
            boolean zero,
            String state,
            int attempts) {}

    /**
     * Claims up to {@code limit} due records of a product for {@code owner} until {@code until}, oldest hour
     * first, in one statement (on PostgreSQL skipping rows another instance is claiming). Claimed records are
     * marked as maybe sent: from now on a crash could leave AWS holding them.
     */
    public List<FrozenRecord> claim(String productId, String owner, Instant now, Instant until, int limit) {
        String lock = postgresql ? " FOR UPDATE SKIP LOCKED" : "";
        return jdbc
                .sql("UPDATE metering_record SET claimed_by = :owner, claimed_until = :until, maybe_sent = 1"
                        + " WHERE id IN (SELECT id FROM metering_record WHERE product_id = :productId"
                        + " AND state = 'frozen' AND next_attempt_at <= :now AND deadline > :now"
                        + " AND (claimed_until IS NULL OR claimed_until < :now) ORDER BY hour, id LIMIT :limit" + lock
                        + ") RETURNING " + RECORD_COLUMNS)
                .param("owner", owner)
                .param("until", timestamps.bind(until))
                .param("productId", productId)
                .param("now", timestamps.bind(now))
                .param("limit", limit)
                .query(this::frozenRecord)
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing(FrozenRecord::hour).thenComparing(FrozenRecord::id))
                .toList();
    }

    /** Gives a claimed record back untouched (it did not fit the batch, or the product was paused). */
    public void release(long id, String owner) {
        jdbc.sql(
                        "UPDATE metering_record SET claimed_by = NULL, claimed_until = NULL WHERE id = :id AND claimed_by = :owner")
                .param("id", id)
                .param("owner", owner)
                .update();
    }

    /** Records AWS's final answer for a claimed record; false if the claim was lost (another instance resent it). */
    public boolean settle(long id, String owner, String state, String meteringRecordId, String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE metering_record SET state = :state, metering_record_id = :meteringRecordId,
                            reason = :reason, settled_at = :now, attempts = attempts + 1,
                            claimed_by = NULL, claimed_until = NULL
                        WHERE id = :id AND claimed_by = :owner AND state = 'frozen'
                        """)
                        .param("state", state)
                        .param("meteringRecordId", meteringRecordId)
                        .param("reason", reason)
                        .param("now", timestamps.bind(now))
                        .param("id", id)
                        .param("owner", owner)
                        .update()
                == 1;
    }

    /** Schedules another attempt of a claimed record. */
    public void retryLater(long id, String owner, Instant next, String reason) {
        jdbc.sql("""
                        UPDATE metering_record SET attempts = attempts + 1, next_attempt_at = :next, reason = :reason,
                            claimed_by = NULL, claimed_until = NULL
                        WHERE id = :id AND claimed_by = :owner AND state = 'frozen'
                        """)
                .param("next", timestamps.bind(next))
                .param("reason", reason)
                .param("id", id)
                .param("owner", owner)
                .update();
    }

    /**
     * Frozen records whose deadline passed and that nobody holds: {@code expired} if no call can have
     * carried them, {@code unknown} if one may have (AWS may have billed them). Returns them as settled.
     */
    public List<FrozenRecord> expireOverdue(Instant now, int limit) {
        return jdbc.sql("UPDATE metering_record SET state = CASE WHEN maybe_sent = 1 THEN 'unknown' ELSE 'expired' END,"
                        + " settled_at = :now, reason = 'not sent before its deadline'"
                        + " WHERE id IN (SELECT id FROM metering_record WHERE state = 'frozen' AND deadline <= :now"
                        + " AND (claimed_until IS NULL OR claimed_until < :now) ORDER BY id LIMIT :limit"
                        + (postgresql ? " FOR UPDATE SKIP LOCKED" : "") + ") RETURNING " + RECORD_COLUMNS)
                .param("now", timestamps.bind(now))
                .param("limit", limit)
                .query(this::frozenRecord)
                .list();
    }

    /** Frozen records not yet settled, and the oldest hour among them. */
    public Backlog backlog() {
        return jdbc.sql("SELECT count(*) AS records, min(hour) AS oldest FROM metering_record WHERE state = 'frozen'")
                .query((row, n) -> new Backlog(row.getLong("records"), timestamps.read(row, "oldest")))
                .single();
    }

    public record Backlog(long records, Instant oldestHour) {}

    public boolean pause(String productId, String reason, Instant now) {
        return jdbc.sql("INSERT INTO metering_pause (product_id, reason, paused_at) VALUES (:id, :reason, :now)"
                                + " ON CONFLICT (product_id) DO NOTHING")
                        .param("id", productId)
                        .param("reason", reason)
                        .param("now", timestamps.bind(now))
                        .update()
                == 1;
    }

    /** Every paused product, oldest pause first. */
    public List<MeteringPause> pauses() {
        return jdbc.sql("SELECT product_id, reason, paused_at FROM metering_pause ORDER BY paused_at, product_id")
                .query(this::pause)
                .list();
    }

    /** Removes the product's pause and returns it; empty if it was not paused. */
    public Optional<MeteringPause> lift(String productId) {
        return jdbc.sql("DELETE FROM metering_pause WHERE product_id = :id RETURNING product_id, reason, paused_at")
                .param("id", productId)
                .query(this::pause)
                .optional();
    }

    private MeteringPause pause(ResultSet row, int n) throws SQLException {
        return new MeteringPause(
                row.getString("product_id"), row.getString("reason"), timestamps.read(row, "paused_at"));
    }

    public Optional<String> pausedReason(String productId) {
        return jdbc.sql("SELECT reason FROM metering_pause WHERE product_id = :id")
                .param("id", productId)
                .query(String.class)
                .optional();
    }

    private FrozenRecord frozenRecord(ResultSet row, int n) throws SQLException {
        return new FrozenRecord(
                row.getLong("id"),
                row.getString("product_id"),
                row.getString("identity_mode"),
                row.getString("customer_id"),
                row.getString("customer_identifier"),
                row.getString("customer_aws_account_id"),
                row.getString("license_arn"),
                row.getString("dimension"),
                timestamps.read(row, "hour"),
                row.getLong("quantity"),
                row.getString("allocations"),
                row.getInt("payload_bytes"),
                timestamps.read(row, "deadline"),
                row.getInt("zero") == 1,
                row.getString("state"),
                row.getInt("attempts"));
    }
}
