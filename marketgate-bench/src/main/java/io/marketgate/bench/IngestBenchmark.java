package io.marketgate.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Usage ingest over HTTP ({@code POST /v1/usage}, batches of 1,000 events, one client) against the packaged
 * server, next to a raw JDBC batch insert of the same rows into a table of the same layout in the same
 * database, in the same run: on SQLite and on the local PostgreSQL (own schema; skipped with a message when
 * it cannot be reached). Goal: HTTP ingest at least 0.5× the raw insert. Run with
 * {@code ./mvnw -pl marketgate-server,marketgate-bench -am -Pbench verify -DskipTests
 * -Dbench.main=io.marketgate.bench.IngestBenchmark}.
 */
public final class IngestBenchmark {

    private static final int BATCH = 1_000;
    private static final int BATCHES = 30;
    private static final int WARMUP_BATCHES = 20; // the server JIT-compiles its request path first
    private static final int CUSTOMERS = 200;
    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\":(\\d+)");

    private IngestBenchmark() {}

    /** One event as the server stores it. */
    private record Event(String id, String customer, String license, String dimension, long quantity, Instant at) {}

    public static void main(String[] args) throws Exception {
        BenchServer.stopAfter(Duration.ofSeconds(175));
        // -Dbench.databases=sqlite or =postgresql runs one of them.
        String databases = System.getProperty("bench.databases", "sqlite,postgresql");
        if (databases.contains("sqlite")) {
            run(new BenchDatabase.Sqlite());
        }
        if (!databases.contains("postgresql")) {
            return;
        }
        BenchDatabase.Postgresql postgresql;
        try {
            postgresql = BenchDatabase.Postgresql.create();
        } catch (SQLException unreachable) {
            System.out.println("PostgreSQL: SKIPPED, " + BenchDatabase.Postgresql.URL + " cannot be reached ("
                    + unreachable.getMessage() + ")");
            return;
        }
        BenchDatabase.Postgresql schema = postgresql;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                schema.close(); // also when stopped over time
            } catch (SQLException e) {
                System.out.println("could not drop the bench schema " + schema.schema() + ": " + e.getMessage());
            }
        }));
        try {
            run(postgresql);
        } finally {
            postgresql.close();
        }
    }

    private static void run(BenchDatabase database) throws Exception {
        try (BenchServer server = BenchServer.start(database, List.of())) {
            List<String> licenses = server.seedCustomers(database, CUSTOMERS, Duration.ofHours(4));
            // All events in one hour that is neither in the future nor closing during the run.
            Instant at = Instant.now().minusSeconds(30);
            List<List<Event>> warmup = batches(licenses, at, WARMUP_BATCHES);
            List<List<Event>> measured = batches(licenses, at, BATCHES);
            try (Connection db = database.connect(server.folder)) {
                try (Statement sql = db.createStatement()) {
                    sql.execute(database.createUsageTable("bench_usage_event"));
                    sql.execute("CREATE UNIQUE INDEX bench_usage_event_idempotency"
                            + " ON bench_usage_event (usage_hour, event_id)");
                    sql.execute("CREATE INDEX bench_usage_event_billed ON bench_usage_event (billed_hour)");
                }
                rawInsert(database, db, warmup);
                ingest(server, warmup);
                // Raw and HTTP batches alternate (and swap which goes first), so a noisy neighbour on this
                // shared machine slows both sides alike instead of whichever happened to run at the time.
                long rawNanos = 0;
                long httpNanos = 0;
                for (int b = 0; b < measured.size(); b++) {
                    List<List<Event>> one = List.of(measured.get(b));
                    if (b % 2 == 0) {
                        rawNanos += rawInsert(database, db, one);
                        httpNanos += ingest(server, one);
                    } else {
                        httpNanos += ingest(server, one);
                        rawNanos += rawInsert(database, db, one);
                    }
                }
                double raw = BATCH * BATCHES / (rawNanos / 1e9);
                double http = BATCH * BATCHES / (httpNanos / 1e9);
                System.out.printf(
                        "ingest %-10s raw JDBC batch insert (baseline) %8.0f events/s | HTTP /v1/usage %8.0f events/s"
                                + " | ratio %.2f (goal >= 0.5) [%d events, batches of %d]%n",
                        database.name(), raw, http, http / raw, BATCH * BATCHES, BATCH);
            }
        }
    }

    private static List<List<Event>> batches(List<String> licenses, Instant at, int count) {
        List<List<Event>> batches = new ArrayList<>();
        int n = 0;
        for (int b = 0; b < count; b++) {
            List<Event> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++, n++) {
                int customer = n % licenses.size();
                batch.add(new Event(
                        UUID.randomUUID().toString(),
                        BenchDatabase.customerId(customer),
                        licenses.get(customer),
                        BenchServer.DIMENSIONS.get((n / licenses.size()) % BenchServer.DIMENSIONS.size()),
                        1 + n % 7,
                        at));
            }
            batches.add(batch);
        }
        return batches;
    }

    /** Sends every batch; returns the nanoseconds taken. Fails unless every event is accepted. */
    private static long ingest(BenchServer server, List<List<Event>> batches) throws Exception {
        List<String> bodies = batches.stream().map(IngestBenchmark::json).toList();
        long started = System.nanoTime();
        long accepted = 0;
        for (String body : bodies) {
            String answer = server.postUsage(body);
            Matcher count = ACCEPTED.matcher(answer);
            accepted += count.find() ? Long.parseLong(count.group(1)) : 0;
        }
        long nanos = System.nanoTime() - started;
        long sent = batches.stream().mapToLong(List::size).sum();
        if (accepted != sent) {
            throw new IllegalStateException(accepted + " of " + sent + " events accepted");
        }
        return nanos;
    }

    private static String json(List<Event> batch) {
        StringBuilder json = new StringBuilder(batch.size() * 140).append("{\"events\":[");
        for (int i = 0; i < batch.size(); i++) {
            Event event = batch.get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"")
                    .append(event.id())
                    .append("\",\"customer\":\"")
                    .append(event.customer())
                    .append("\",\"dimension\":\"")
                    .append(event.dimension())
                    .append("\",\"quantity\":")
                    .append(event.quantity())
                    .append(",\"timestamp\":\"")
                    .append(event.at())
                    .append("\"}");
        }
        return json.append("]}").toString();
    }

    /**
     * The same rows inserted with the server's statement shape ({@code ON CONFLICT DO NOTHING} on the
     * idempotency key), one JDBC batch and one transaction per 1,000 rows; returns the nanoseconds taken.
     */
    private static long rawInsert(BenchDatabase database, Connection db, List<List<Event>> batches)
            throws SQLException {
        String insert = "INSERT INTO bench_usage_event (usage_hour, event_id, body_hash, customer_id, product_id,"
                + " customer_key, dimension, quantity, event_time, received_at, billed_hour, status, reason)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'accepted', NULL)"
                + " ON CONFLICT (usage_hour, event_id) DO NOTHING";
        db.setAutoCommit(false);
        long started = System.nanoTime();
        long rows = 0;
        try (PreparedStatement statement = db.prepareStatement(insert)) {
            for (List<Event> batch : batches) {
                Object received = database.timestamp(Instant.now());
                for (Event event : batch) {
                    Object hour = database.timestamp(event.at().truncatedTo(ChronoUnit.HOURS));
                    statement.setObject(1, hour);
                    statement.setString(2, event.id());
                    statement.setString(3, BenchServer.sha256(event.id() + event.customer() + event.quantity()));
                    statement.setString(4, event.customer());
                    statement.setString(5, BenchServer.PRODUCT);
                    statement.setString(6, event.license());
                    statement.setString(7, event.dimension());
                    statement.setLong(8, event.quantity());
                    statement.setObject(9, database.timestamp(event.at()));
                    statement.setObject(10, received);
                    statement.setObject(11, hour);
                    statement.addBatch();
                }
                for (int count : statement.executeBatch()) {
                    rows += count;
                }
                db.commit();
            }
        } finally {
            db.setAutoCommit(true);
        }
        long nanos = System.nanoTime() - started;
        if (rows != batches.stream().mapToLong(List::size).sum()) {
            throw new IllegalStateException("the raw insert stored " + rows + " rows");
        }
        return nanos;
    }
}
