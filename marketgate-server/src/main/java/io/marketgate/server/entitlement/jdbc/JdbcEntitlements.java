package io.marketgate.server.entitlement.jdbc;

import io.marketgate.server.entitlement.EntitlementItem;
import io.marketgate.server.entitlement.EntitlementSnapshot;
import io.marketgate.server.shared.jdbc.TimestampColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code entitlement_snapshot} and {@code entitlement_sync} tables; the same SQL on both databases. */
@Repository
public class JdbcEntitlements {

    private static final String COLUMNS = "id, product_id, subscription_key, entitlements, taken_at, version";

    private final JdbcClient jdbc;
    private final TimestampColumns timestamps;
    private final JsonMapper json = JsonMapper.builder().build();

    public JdbcEntitlements(JdbcClient jdbc, TimestampColumns timestamps) {
        this.jdbc = jdbc;
        this.timestamps = timestamps;
    }

    public Optional<EntitlementSnapshot> latest(String productId, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM entitlement_snapshot WHERE product_id = :productId"
                        + " AND subscription_key = :key ORDER BY id DESC LIMIT 1")
                .param("productId", productId)
                .param("key", key)
                .query(this::toSnapshot)
                .optional();
    }

    /** Oldest first. */
    public List<EntitlementSnapshot> history(String productId, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM entitlement_snapshot WHERE product_id = :productId"
                        + " AND subscription_key = :key ORDER BY id")
                .param("productId", productId)
                .param("key", key)
                .query(this::toSnapshot)
                .list();
    }

    /** Snapshots stored after access version {@code afterVersion}, in order. */
    public List<EntitlementSnapshot> changedAfter(long afterVersion) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM entitlement_snapshot WHERE version > :after ORDER BY id")
                .param("after", afterVersion)
                .query(this::toSnapshot)
                .list();
    }

    public void insert(String productId, String key, List<EntitlementItem> items, Instant takenAt, long version) {
        jdbc.sql("INSERT INTO entitlement_snapshot (product_id, subscription_key, entitlements, taken_at, version)"
                        + " VALUES (:productId, :key, :entitlements, :takenAt, :version)")
                .param("productId", productId)
                .param("key", key)
                .param(
                        "entitlements",
                        json.writeValueAsString(
                                items.stream().map(JdbcEntitlements::toMap).toList()))
                .param("takenAt", timestamps.bind(takenAt))
                .param("version", version)
                .update();
    }

    /** Asks for a read at {@code dueAt}, or earlier if one is already due earlier; clears past failures. */
    public void requestSync(String productId, String key, Instant dueAt) {
        jdbc.sql("INSERT INTO entitlement_sync (product_id, subscription_key, due_at, failures) VALUES (:productId,"
                        + " :key, :dueAt, 0) ON CONFLICT (product_id, subscription_key) DO UPDATE SET"
                        + " due_at = CASE WHEN entitlement_sync.due_at < excluded.due_at"
                        + " THEN entitlement_sync.due_at ELSE excluded.due_at END, failures = 0")
                .param("productId", productId)
                .param("key", key)
                .param("dueAt", timestamps.bind(dueAt))
                .update();
    }

    /** Sets the next read after one was attempted. */
    public void scheduleNext(String productId, String key, Instant dueAt, int failures, String lastError) {
        jdbc.sql("UPDATE entitlement_sync SET due_at = :dueAt, failures = :failures, last_error = :lastError"
                        + " WHERE product_id = :productId AND subscription_key = :key")
                .param("dueAt", timestamps.bind(dueAt))
                .param("failures", failures)
                .param("lastError", lastError)
                .param("productId", productId)
                .param("key", key)
                .update();
    }

    /** Reads due at {@code now}: {@code product id, key, failures}. */
    public List<Due> due(Instant now, int limit) {
        return jdbc.sql("SELECT product_id, subscription_key, failures FROM entitlement_sync WHERE due_at <= :now"
                        + " ORDER BY due_at LIMIT :limit")
                .param("now", timestamps.bind(now))
                .param("limit", limit)
                .query((row, n) ->
                        new Due(row.getString("product_id"), row.getString("subscription_key"), row.getInt("failures")))
                .list();
    }

    public record Due(String productId, String key, int failures) {}

    private static Map<String, Object> toMap(EntitlementItem item) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("dimension", item.dimension());
        map.put("type", item.type());
        map.put("value", item.value());
        map.put(
                "expiration",
                item.expiration() == null ? null : item.expiration().toString());
        return map;
    }

    private EntitlementSnapshot toSnapshot(ResultSet row, int rowNumber) throws SQLException {
        List<Map<String, Object>> maps =
                json.readValue(row.getString("entitlements"), new TypeReference<List<Map<String, Object>>>() {});
        List<EntitlementItem> items = new ArrayList<>();
        for (Map<String, Object> map : maps) {
            String type = (String) map.get("type");
            Object value = map.get("value");
            Object typed =
                    switch (type) {
                        case "integer" -> ((Number) value).longValue();
                        case "double" -> ((Number) value).doubleValue();
                        default -> value;
                    };
            Object expiration = map.get("expiration");
            items.add(new EntitlementItem(
                    (String) map.get("dimension"),
                    type,
                    typed,
                    expiration == null ? null : Instant.parse((String) expiration)));
        }
        return new EntitlementSnapshot(
                row.getLong("id"),
                row.getString("product_id"),
                row.getString("subscription_key"),
                items,
                timestamps.read(row, "taken_at"),
                row.getLong("version"));
    }
}
