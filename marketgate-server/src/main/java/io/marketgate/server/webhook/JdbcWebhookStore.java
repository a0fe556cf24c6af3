package io.marketgate.server.webhook;

import io.marketgate.server.shared.jdbc.TimestampColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The webhook tables: endpoints, deliveries (one per endpoint and event, plus replays) and attempts. */
final class JdbcWebhookStore {

    private static final String ENDPOINT_COLUMNS =
            "id, url, event_types, enabled, disabled_reason," + " previous_secret_until, created_at, updated_at";

    private final JdbcClient jdbc;
    private final TimestampColumns timestamps;
    private final boolean postgresql;

    JdbcWebhookStore(JdbcClient jdbc, TimestampColumns timestamps, boolean postgresql) {
        this.jdbc = jdbc;
        this.timestamps = timestamps;
        this.postgresql = postgresql;
    }

    /** The stored form of a type list: {@code ,a,b,} so one LIKE finds a type. */
    static String storedTypes(List<String> types) {
        return "," + String.join(",", types) + ",";
    }

    void insertEndpoint(WebhookEndpoint endpoint, String sealedSecret) {
        jdbc.sql("INSERT INTO webhook_endpoint (id, url, event_types, secret_sealed, enabled, created_at, updated_at)"
                        + " VALUES (:id, :url, :types, :secret, :enabled, :now, :now)")
                .param("id", endpoint.id())
                .param("url", endpoint.url())
                .param("types", storedTypes(endpoint.eventTypes()))
                .param("secret", sealedSecret)
                .param("enabled", endpoint.enabled() ? 1 : 0)
                .param("now", timestamps.bind(endpoint.createdAt()))
                .update();
    }

    /** Updates url, types and enabled; enabling clears a disabled reason and the failure clock. */
    boolean updateEndpoint(WebhookEndpoint endpoint) {
        return jdbc.sql("UPDATE webhook_endpoint SET url = :url, event_types = :types, enabled = :enabled,"
                                + " disabled_reason = CASE WHEN :enabled = 1 THEN NULL ELSE disabled_reason END,"
                                + " failing_since = CASE WHEN :enabled = 1 THEN NULL ELSE failing_since END,"
                                + " updated_at = :now WHERE id = :id")
                        .param("id", endpoint.id())
                        .param("url", endpoint.url())
                        .param("types", storedTypes(endpoint.eventTypes()))
                        .param("enabled", endpoint.enabled() ? 1 : 0)
                        .param("now", timestamps.bind(endpoint.updatedAt()))
                        .update()
                == 1;
    }

    boolean rotateSecret(String id, String sealedSecret, String sealedPrevious, Instant previousUntil, Instant now) {
        return jdbc.sql("UPDATE webhook_endpoint SET secret_sealed = :secret, previous_secret_sealed = :previous,"
                                + " previous_secret_until = :until, updated_at = :now WHERE id = :id")
                        .param("id", id)
                        .param("secret", sealedSecret)
                        .param("previous", sealedPrevious)
                        .param("until", timestamps.bind(previousUntil))
                        .param("now", timestamps.bind(now))
                        .update()
                == 1;
    }

    boolean deleteEndpoint(String id) {
        return jdbc.sql("DELETE FROM webhook_endpoint WHERE id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    Optional<WebhookEndpoint> endpoint(String id) {
        return jdbc.sql("SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoint WHERE id = :id")
                .param("id", id)
                .query(this::endpointRow)
                .optional();
    }

    List<WebhookEndpoint> endpoints() {
        return jdbc.sql("SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoint ORDER BY created_at, id")
                .query(this::endpointRow)
                .list();
    }

    /** The sealed current secret, and the previous one with its end, for signing. */
    Optional<SealedSecrets> secrets(String id) {
        return jdbc.sql("SELECT secret_sealed, previous_secret_sealed, previous_secret_until FROM webhook_endpoint"
                        + " WHERE id = :id")
                .param("id", id)
                .query((row, n) -> new SealedSecrets(
                        row.getString("secret_sealed"),
                        row.getString("previous_secret_sealed"),
                        timestamps.read(row, "previous_secret_until")))
                .optional();
    }

    record SealedSecrets(String current, String previous, Instant previousUntil) {}

    /**
     * One pending delivery per enabled endpoint subscribed to the event's type; runs in the transaction that
     * writes the event, so a committed event always has its deliveries.
     */
    void fanOut(String eventId, String type, Instant now) {
        jdbc.sql("INSERT INTO webhook_delivery (endpoint_id, event_sequence, replay, status, attempts,"
                        + " next_attempt_at, created_at)"
                        + " SELECT e.id, o.sequence, 0, 'pending', 0, :now, :now"
                        + " FROM webhook_endpoint e, outbox_event o"
                        + " WHERE o.id = :eventId AND e.enabled = 1"
                        + " AND (e.event_types LIKE '%,*,%' OR e.event_types LIKE :pattern)")
                .param("eventId", eventId)
                .param("pattern", "%," + type + ",%")
                .param("now", timestamps.bind(now))
                .update();
    }

    /** A delivery of {@code eventId} to one endpoint only (replays and test events); its id. */
    long insertDirected(String endpointId, String eventId, boolean replay, Instant now) {
        return jdbc.sql("INSERT INTO webhook_delivery (endpoint_id, event_sequence, replay, status, attempts,"
                        + " next_attempt_at, created_at)"
                        + " SELECT :endpointId, o.sequence, :replay, 'pending', 0, :now, :now FROM outbox_event o"
                        + " WHERE o.id = :eventId RETURNING id")
                .param("endpointId", endpointId)
                .param("eventId", eventId)
                .param("replay", replay ? 1 : 0)
                .param("now", timestamps.bind(now))
                .query(Long.class)
                .single();
    }

    /** Replays of every event in [from, to) the endpoint is subscribed to; how many. */
    int replayRange(WebhookEndpoint endpoint, Instant from, Instant to, Instant now) {
        String types = storedTypes(endpoint.eventTypes());
        return jdbc.sql("INSERT INTO webhook_delivery (endpoint_id, event_sequence, replay, status, attempts,"
                        + " next_attempt_at, created_at)"
                        + " SELECT :endpointId, o.sequence, 1, 'pending', 0, :now, :now FROM outbox_event o"
                        + " WHERE o.occurred_at >= :from AND o.occurred_at < :to AND o.type <> 'webhook.test'"
                        + " AND (:types LIKE '%,*,%' OR :types LIKE '%,' || o.type || ',%')"
                        + " ORDER BY o.sequence")
                .param("endpointId", endpoint.id())
                .param("types", types)
                .param("from", timestamps.bind(from))
                .param("to", timestamps.bind(to))
                .param("now", timestamps.bind(now))
                .update();
    }

    /**
     * Claims due deliveries for {@code lease}: another instance skips them until it ends, so a crash only
     * delays a delivery. On PostgreSQL rows locked by another instance's claim are skipped.
     */
    List<Claimed> claimDue(Instant now, Instant leaseUntil, int limit) {
        String due = "SELECT d.id FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id"
                + " WHERE d.status = 'pending' AND d.next_attempt_at <= :now AND e.enabled = 1"
                + " AND (d.leased_until IS NULL OR d.leased_until <= :now) ORDER BY d.event_sequence, d.id"
                + " LIMIT :limit" + (postgresql ? " FOR UPDATE OF d SKIP LOCKED" : "");
        List<Long> ids = jdbc.sql(
                        "UPDATE webhook_delivery SET leased_until = :lease WHERE id IN (" + due + ") RETURNING id")
                .param("now", timestamps.bind(now))
                .param("lease", timestamps.bind(leaseUntil))
                .param("limit", limit)
                .query(Long.class)
                .list();
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT d.id, d.endpoint_id, d.attempts, e.url, o.id AS event_id, o.sequence, o.type,"
                        + " o.customer_id, o.payload, o.occurred_at FROM webhook_delivery d"
                        + " JOIN webhook_endpoint e ON e.id = d.endpoint_id"
                        + " JOIN outbox_event o ON o.sequence = d.event_sequence WHERE d.id IN (:ids)"
                        + " ORDER BY o.sequence, d.id")
                .param("ids", ids)
                .query((row, n) -> new Claimed(
                        row.getLong("id"),
                        row.getString("endpoint_id"),
                        row.getInt("attempts"),
                        row.getString("url"),
                        row.getString("event_id"),
                        row.getLong("sequence"),
                        row.getString("type"),
                        row.getString("customer_id"),
                        row.getString("payload"),
                        timestamps.read(row, "occurred_at")))
                .list();
    }

    record Claimed(
            long deliveryId,
            String endpointId,
            int attempts,
            String url,
            String eventId,
            long sequence,
            String type,
            String customerId,
            String payload,
            Instant occurredAt) {}

    void recordAttempt(long deliveryId, Instant at, HttpWebhookSender.Result result) {
        jdbc.sql("INSERT INTO webhook_attempt (delivery_id, attempted_at, status_code, latency_ms, response_excerpt,"
                        + " error) VALUES (:deliveryId, :at, :status, :latency, :excerpt, :error)")
                .param("deliveryId", deliveryId)
                .param("at", timestamps.bind(at))
                .param("status", result.statusCode())
                .param("latency", result.latencyMillis())
                .param("excerpt", result.excerpt())
                .param("error", result.error())
                .update();
    }

    void markDelivered(long deliveryId, String endpointId, Instant at) {
        jdbc.sql("UPDATE webhook_delivery SET status = 'delivered', attempts = attempts + 1, delivered_at = :at,"
                        + " leased_until = NULL WHERE id = :id")
                .param("id", deliveryId)
                .param("at", timestamps.bind(at))
                .update();
        jdbc.sql("UPDATE webhook_endpoint SET failing_since = NULL WHERE id = :id AND failing_since IS NOT NULL")
                .param("id", endpointId)
                .update();
    }

    /** Schedules the next attempt, or fails the delivery for good when {@code nextAttempt} is null. */
    void markFailed(long deliveryId, String endpointId, Instant at, Instant nextAttempt) {
        jdbc.sql("UPDATE webhook_delivery SET status = :status, attempts = attempts + 1,"
                        + " next_attempt_at = COALESCE(:next, next_attempt_at), leased_until = NULL WHERE id = :id")
                .param("id", deliveryId)
                .param("status", nextAttempt == null ? "failed" : "pending")
                .param("next", timestamps.bind(nextAttempt))
                .update();
        jdbc.sql("UPDATE webhook_endpoint SET failing_since = :at WHERE id = :id AND failing_since IS NULL")
                .param("id", endpointId)
                .param("at", timestamps.bind(at))
                .update();
    }

    /** Disables the endpoint if it has been failing since before {@code failingBefore}; whether it did. */
    boolean disableIfFailingSince(String endpointId, Instant failingBefore, String reason, Instant now) {
        return jdbc.sql("UPDATE webhook_endpoint SET enabled = 0, disabled_reason = :reason, updated_at = :now"
                                + " WHERE id = :id AND enabled = 1 AND failing_since IS NOT NULL"
                                + " AND failing_since <= :before")
                        .param("id", endpointId)
                        .param("reason", reason)
                        .param("now", timestamps.bind(now))
                        .param("before", timestamps.bind(failingBefore))
                        .update()
                == 1;
    }

    List<WebhookDelivery> deliveries(String endpointId, long beforeId, int limit) {
        return jdbc.sql("SELECT d.id, o.id AS event_id, o.type, o.sequence, d.replay, d.status, d.attempts,"
                        + " d.next_attempt_at, d.created_at, d.delivered_at,"
                        + " (SELECT status_code FROM webhook_attempt a WHERE a.delivery_id = d.id ORDER BY a.id DESC"
                        + " LIMIT 1) AS last_status"
                        + " FROM webhook_delivery d JOIN outbox_event o ON o.sequence = d.event_sequence"
                        + " WHERE d.endpoint_id = :endpointId AND d.id < :before ORDER BY d.id DESC LIMIT :limit")
                .param("endpointId", endpointId)
                .param("before", beforeId)
                .param("limit", limit)
                .query((row, n) -> new WebhookDelivery(
                        row.getLong("id"),
                        row.getString("event_id"),
                        row.getString("type"),
                        row.getLong("sequence"),
                        row.getInt("replay") == 1,
                        row.getString("status"),
                        row.getInt("attempts"),
                        timestamps.read(row, "next_attempt_at"),
                        timestamps.read(row, "created_at"),
                        timestamps.read(row, "delivered_at"),
                        nullableInt(row, "last_status")))
                .list();
    }

    List<WebhookAttempt> attempts(long deliveryId) {
        return jdbc.sql("SELECT attempted_at, status_code, latency_ms, response_excerpt, error FROM webhook_attempt"
                        + " WHERE delivery_id = :id ORDER BY id")
                .param("id", deliveryId)
                .query((row, n) -> new WebhookAttempt(
                        timestamps.read(row, "attempted_at"),
                        nullableInt(row, "status_code"),
                        row.getLong("latency_ms"),
                        row.getString("response_excerpt"),
                        row.getString("error")))
                .list();
    }

    /** The endpoint a delivery belongs to, if it exists. */
    Optional<String> deliveryEndpoint(long deliveryId) {
        return jdbc.sql("SELECT endpoint_id FROM webhook_delivery WHERE id = :id")
                .param("id", deliveryId)
                .query(String.class)
                .optional();
    }

    /** The event id of a delivery. */
    Optional<String> deliveryEvent(long deliveryId) {
        return jdbc.sql("SELECT o.id FROM webhook_delivery d JOIN outbox_event o ON o.sequence = d.event_sequence"
                        + " WHERE d.id = :id")
                .param("id", deliveryId)
                .query(String.class)
                .optional();
    }

    private WebhookEndpoint endpointRow(ResultSet row, int n) throws SQLException {
        String stored = row.getString("event_types");
        List<String> types =
                Arrays.stream(stored.split(",")).filter(type -> !type.isEmpty()).toList();
        return new WebhookEndpoint(
                row.getString("id"),
                row.getString("url"),
                types,
                row.getInt("enabled") == 1,
                row.getString("disabled_reason"),
                timestamps.read(row, "previous_secret_until"),
                timestamps.read(row, "created_at"),
                timestamps.read(row, "updated_at"));
    }

    /** SQLite's driver cannot read a NULL as {@code Integer}: read the int, then ask. */
    private static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }
}
