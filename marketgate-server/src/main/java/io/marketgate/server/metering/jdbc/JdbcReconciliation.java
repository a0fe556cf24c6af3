package io.marketgate.server.metering.jdbc;

import io.marketgate.server.metering.ReconciliationLine;
import io.marketgate.server.shared.jdbc.TimestampColumns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sums usage events and metering records per (hour, customer, dimension). */
@Repository
public class JdbcReconciliation {

    private static final String EVENTS = """
            SELECT hour, customer_id, dimension, sum(accepted) AS accepted, sum(unbillable) AS unbillable FROM (
                SELECT billed_hour AS hour, customer_id, dimension, quantity AS accepted, 0 AS unbillable
                FROM usage_event WHERE status = 'accepted' AND billed_hour >= :from AND billed_hour < :to
                UNION ALL
                SELECT usage_hour AS hour, customer_id, dimension, 0 AS accepted, quantity AS unbillable
                FROM usage_event WHERE status = 'unbillable' AND usage_hour >= :from AND usage_hour < :to
            ) e GROUP BY hour, customer_id, dimension
            """;

    private static final String RECORDS = """
            SELECT hour, customer_id, dimension,
                sum(CASE WHEN state = 'open' THEN quantity ELSE 0 END) AS open,
                sum(CASE WHEN state <> 'open' THEN quantity ELSE 0 END) AS frozen,
                sum(CASE WHEN state = 'frozen' THEN quantity ELSE 0 END) AS pending,
                sum(CASE WHEN state <> 'open' AND maybe_sent = 1 THEN quantity ELSE 0 END) AS sent,
                sum(CASE WHEN state = 'success' THEN quantity ELSE 0 END) AS success,
                sum(CASE WHEN state IN ('customer_not_subscribed', 'duplicate_record', 'parked') THEN quantity ELSE 0 END)
                    AS rejected,
                sum(CASE WHEN state = 'expired' THEN quantity ELSE 0 END) AS expired,
                sum(CASE WHEN state = 'unknown' THEN quantity ELSE 0 END) AS unknown
            FROM metering_record WHERE hour >= :from AND hour < :to
            GROUP BY hour, customer_id, dimension
            """;

    private final JdbcClient jdbc;
    private final TimestampColumns timestamps;

    public JdbcReconciliation(JdbcClient jdbc, TimestampColumns timestamps) {
        this.jdbc = jdbc;
        this.timestamps = timestamps;
    }

    public List<ReconciliationLine> lines(Instant from, Instant to) {
        Map<String, ReconciliationLine> lines = new TreeMap<>();
        jdbc.sql(EVENTS)
                .param("from", timestamps.bind(from))
                .param("to", timestamps.bind(to))
                .query(row -> {
                    Instant hour = timestamps.read(row, "hour");
                    var line = new ReconciliationLine(
                            hour,
                            row.getString("customer_id"),
                            row.getString("dimension"),
                            row.getLong("accepted"),
                            0,
                            0,
                            0,
                            0,
                            0,
                            0,
                            0,
                            0,
                            row.getLong("unbillable"));
                    lines.merge(key(line), line, ReconciliationLine::plus);
                });
        jdbc.sql(RECORDS)
                .param("from", timestamps.bind(from))
                .param("to", timestamps.bind(to))
                .query(row -> {
                    Instant hour = timestamps.read(row, "hour");
                    var line = new ReconciliationLine(
                            hour,
                            row.getString("customer_id"),
                            row.getString("dimension"),
                            0,
                            row.getLong("open"),
                            row.getLong("frozen"),
                            row.getLong("pending"),
                            row.getLong("sent"),
                            row.getLong("success"),
                            row.getLong("rejected"),
                            row.getLong("expired"),
                            row.getLong("unknown"),
                            0);
                    lines.merge(key(line), line, ReconciliationLine::plus);
                });
        return new ArrayList<>(lines.values());
    }

    private static String key(ReconciliationLine line) {
        return String.format("%020d", line.hour().toEpochMilli()) + "\u0000" + line.customerId() + "\u0000"
                + line.dimension();
    }
}
