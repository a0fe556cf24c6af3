package io.marketgate.server.metering.jdbc;

import io.marketgate.server.shared.jdbc.DatabaseVendor;
import io.marketgate.server.shared.jdbc.TimestampColumns;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code usage_event} table: one immutable row per accepted (or unbillable) event. Its unique index
 * {@code (usage_hour, event_id)} is the idempotency mechanism: an insert that conflicts did not happen.
 */
@Repository
public class JdbcUsageEvents {

    private static final String INSERT = """
            INSERT INTO usage_event (usage_hour, event_id, body_hash, customer_id, product_id, customer_key,
                                     dimension, quantity, event_time, received_at, billed_hour, status, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (usage_hour, event_id) DO NOTHING
            """;

    // PostgreSQL: the whole request in one statement, one array per column; RETURNING names the rows inserted.
    private static final String INSERT_ARRAYS = """
            INSERT INTO usage_event (usage_hour, event_id, body_hash, customer_id, product_id, customer_key,
                                     dimension, quantity, event_time, received_at, billed_hour, status, reason)
            SELECT * FROM unnest(?::text[]::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                 ?::text[], ?::bigint[], ?::text[]::timestamptz[], ?::text[]::timestamptz[],
                                 ?::text[]::timestamptz[], ?::text[], ?::text[])
            ON CONFLICT (usage_hour, event_id) DO NOTHING
            RETURNING usage_hour, event_id
            """;

    /** Event ids per lookup query: under every driver's bind-parameter limit. */
    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TimestampColumns timestamps;
    private final boolean arrays;

    public JdbcUsageEvents(JdbcTemplate jdbc, TimestampColumns timestamps) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.timestamps = timestamps;
        this.arrays = DatabaseVendor.of(jdbc.getDataSource()) == DatabaseVendor.POSTGRESQL;
    }

    /** One row to insert; {@code billedHour} null for unbillable events. */
    public record NewEvent(
            Instant usageHour,
            String eventId,
            String bodyHash,
            String customerId,
            String productId,
            String customerKey,
            String dimension,
            long quantity,
            Instant eventTime,
            Instant receivedAt,
            Instant billedHour,
            String status,
            String reason) {}

    /** Inserts the events in one batch; element i is true if event i was new (false: its key existed). */
    public boolean[] insert(List<NewEvent> events) {
        boolean[] inserted = new boolean[events.size()];
        if (events.isEmpty()) {
            return inserted;
        }
        if (arrays) {
            return insertArrays(events);
        }
        int[] counts = jdbc.execute((java.sql.Connection connection) -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (NewEvent event : events) {
                    bind(insert, event);
                    insert.addBatch();
                }
                return insert.executeBatch();
            }
        });
        for (int i = 0; i < inserted.length; i++) {
            if (counts[i] == Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("the driver did not report which usage events were inserted");
            }
            inserted[i] = counts[i] > 0;
        }
        return inserted;
    }

    private boolean[] insertArrays(List<NewEvent> events) {
        Set<EventKey> stored = new HashSet<>();
        jdbc.query(
                connection -> {
                    PreparedStatement insert = connection.prepareStatement(INSERT_ARRAYS);
                    ColumnArrays<NewEvent> arrays = new ColumnArrays<>(connection, events);
                    insert.setArray(1, arrays.instants(NewEvent::usageHour));
                    insert.setArray(2, arrays.texts(NewEvent::eventId));
                    insert.setArray(3, arrays.texts(NewEvent::bodyHash));
                    insert.setArray(4, arrays.texts(NewEvent::customerId));
                    insert.setArray(5, arrays.texts(NewEvent::productId));
                    insert.setArray(6, arrays.texts(NewEvent::customerKey));
                    insert.setArray(7, arrays.texts(NewEvent::dimension));
                    insert.setArray(8, arrays.longs(NewEvent::quantity));
                    insert.setArray(9, arrays.instants(NewEvent::eventTime));
                    insert.setArray(10, arrays.instants(NewEvent::receivedAt));
                    insert.setArray(11, arrays.instants(NewEvent::billedHour));
                    insert.setArray(12, arrays.texts(NewEvent::status));
                    insert.setArray(13, arrays.texts(NewEvent::reason));
                    return insert;
                },
                row -> {
                    stored.add(new EventKey(timestamps.read(row, "usage_hour"), row.getString("event_id")));
                });
        // An id twice in one request: the first copy was inserted, the later ones met it.
        boolean[] inserted = new boolean[events.size()];
        for (int i = 0; i < inserted.length; i++) {
            NewEvent event = events.get(i);
            inserted[i] = stored.remove(new EventKey(TimestampColumns.truncate(event.usageHour()), event.eventId()));
        }
        return inserted;
    }

    private void bind(PreparedStatement insert, NewEvent event) throws SQLException {
        insert.setObject(1, timestamps.bind(event.usageHour()));
        insert.setString(2, event.eventId());
        insert.setString(3, event.bodyHash());
        insert.setString(4, event.customerId());
        insert.setString(5, event.productId());
        insert.setString(6, event.customerKey());
        insert.setString(7, event.dimension());
        insert.setLong(8, event.quantity());
        insert.setObject(9, timestamps.bind(event.eventTime()));
        insert.setObject(10, timestamps.bind(event.receivedAt()));
        if (event.billedHour() == null) {
            insert.setNull(
                    11,
                    timestamps.bind(event.usageHour()) instanceof Long ? Types.BIGINT : Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            insert.setObject(11, timestamps.bind(event.billedHour()));
        }
        insert.setString(12, event.status());
        insert.setString(13, event.reason());
    }

    /** An event's idempotency key. */
    public record EventKey(Instant usageHour, String eventId) {}

    /** The body hashes stored under these keys (keys not stored are absent), a query per hour and chunk. */
    public Map<EventKey, String> bodyHashes(List<EventKey> keys) {
        Map<EventKey, String> hashes = new HashMap<>();
        Map<Instant, List<String>> byHour = new TreeMap<>();
        keys.forEach(key ->
                byHour.computeIfAbsent(key.usageHour(), h -> new ArrayList<>()).add(key.eventId()));
        byHour.forEach((hour, ids) -> {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                named.query(
                        "SELECT event_id, body_hash FROM usage_event WHERE usage_hour = :hour AND event_id IN (:ids)",
                        Map.of(
                                "hour",
                                timestamps.bind(hour),
                                "ids",
                                ids.subList(from, Math.min(ids.size(), from + CHUNK))),
                        row -> {
                            hashes.put(new EventKey(hour, row.getString(1)), row.getString(2));
                        });
            }
        });
        return hashes;
    }

    /** Moves an accepted event's usage to a later hour (its own hour was already sent). */
    public void rollForward(Instant usageHour, String eventId, Instant billedHour, String reason) {
        jdbc.update(
                "UPDATE usage_event SET billed_hour = ?, reason = ? WHERE usage_hour = ? AND event_id = ?",
                timestamps.bind(billedHour),
                reason,
                timestamps.bind(usageHour),
                eventId);
    }

    /** Keeps an event for the books only. */
    public void markUnbillable(Instant usageHour, String eventId, String reason) {
        jdbc.update(
                "UPDATE usage_event SET billed_hour = NULL, status = 'unbillable', reason = ?"
                        + " WHERE usage_hour = ? AND event_id = ?",
                reason,
                timestamps.bind(usageHour),
                eventId);
    }

    /** Undoes an insert of this transaction (the event turned out invalid, e.g. its hour would overflow). */
    public void delete(Instant usageHour, String eventId) {
        jdbc.update(
                "DELETE FROM usage_event WHERE usage_hour = ? AND event_id = ?", timestamps.bind(usageHour), eventId);
    }
}
