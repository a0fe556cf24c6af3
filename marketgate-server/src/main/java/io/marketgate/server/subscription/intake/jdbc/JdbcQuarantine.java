package io.marketgate.server.subscription.intake.jdbc;

import io.marketgate.server.shared.jdbc.TimestampColumns;
import io.marketgate.server.subscription.intake.QuarantinedNotification;
import io.marketgate.server.webhook.Outbox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code notification_quarantine} table. A message is stored once per (message key, body hash): the
 * unique constraint, not a lookup, makes an SQS redelivery a no-op. The first store also appends a
 * {@code notification.quarantined} outbox event in the same transaction.
 */
@Repository
public class JdbcQuarantine {

    public static final String EVENT_TYPE = "notification.quarantined";

    private static final String INSERT = """
            INSERT INTO notification_quarantine
                (message_key, body_sha256, queue_url, product_id, reason, body, received_at)
            VALUES (:messageKey, :bodySha256, :queueUrl, :productId, :reason, :body, :receivedAt)
            ON CONFLICT (message_key, body_sha256) DO NOTHING
            """;

    private static final String COLUMNS = "id, message_key, queue_url, product_id, reason, body, received_at";

    private final JdbcClient jdbc;
    private final TimestampColumns timestamps;
    private final Outbox outbox;
    private final Clock clock;

    public JdbcQuarantine(JdbcClient jdbc, TimestampColumns timestamps, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.timestamps = timestamps;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The outcome of {@link #quarantine}. */
    public sealed interface Stored {
        record Added(QuarantinedNotification row) implements Stored {}

        /** The same message (key and body) is already stored: nothing was written. */
        record AlreadyStored() implements Stored {}
    }

    /**
     * Stores a message that cannot be applied, with a {@code notification.quarantined} event, in one
     * transaction.
     *
     * @param messageId the SNS MessageId or EventBridge id, or null when the body does not yield one
     */
    @Transactional
    public Stored quarantine(String messageId, String queueUrl, String productId, String reason, String body) {
        String bodySha256 = sha256(body);
        String messageKey = messageId != null ? messageId : "sha256:" + bodySha256;
        Instant receivedAt = TimestampColumns.truncate(clock.instant());
        int added = jdbc.sql(INSERT)
                .param("messageKey", messageKey)
                .param("bodySha256", bodySha256)
                .param("queueUrl", queueUrl)
                .param("productId", productId)
                .param("reason", reason)
                .param("body", body)
                .param("receivedAt", timestamps.bind(receivedAt))
                .update();
        if (added == 0) {
            return new Stored.AlreadyStored();
        }
        QuarantinedNotification row = jdbc.sql("SELECT " + COLUMNS
                        + " FROM notification_quarantine WHERE message_key = :messageKey AND body_sha256 = :bodySha256")
                .param("messageKey", messageKey)
                .param("bodySha256", bodySha256)
                .query(this::row)
                .single();
        outbox.append(EVENT_TYPE, null, event(row));
        return new Stored.Added(row);
    }

    /** Newest first: rows with an id below {@code beforeId} (null for the newest), at most {@code limit}. */
    public List<QuarantinedNotification> newestFirst(Long beforeId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_quarantine WHERE id < :before"
                        + " ORDER BY id DESC LIMIT :limit")
                .param("before", beforeId == null ? Long.MAX_VALUE : beforeId)
                .param("limit", limit)
                .query(this::row)
                .list();
    }

    /** The payload says what and why, not the body: it may be large and is read through the API. */
    private static Map<String, Object> event(QuarantinedNotification row) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("quarantineId", row.id());
        data.put("messageKey", row.messageKey());
        data.put("productId", row.productId());
        data.put("reason", row.reason());
        data.put("queueUrl", row.queueUrl());
        data.put("receivedAt", row.receivedAt().toString());
        return data;
    }

    private QuarantinedNotification row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new QuarantinedNotification(
                rs.getLong("id"),
                rs.getString("message_key"),
                rs.getString("queue_url"),
                rs.getString("product_id"),
                rs.getString("reason"),
                rs.getString("body"),
                timestamps.read(rs, "received_at"));
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
