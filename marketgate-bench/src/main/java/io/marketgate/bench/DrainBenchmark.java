package io.marketgate.bench;

import io.marketgate.simulator.faults.FaultSpec;
import io.marketgate.simulator.metering.LedgerEntry;
import io.marketgate.simulator.metering.RequestLogEntry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A backlog of frozen metering records drained by the packaged server against a standalone simulator whose
 * BatchMeterUsage quota equals the server's call budget ({@code marketgate.metering.calls-per-second},
 * 10). The ceiling is 25 records per call × the budget; goal: at least 0.95 of it, and zero lost (the
 * simulator's ledger holds every record once, with its quantity). The product is paused while the backlog
 * is ingested and frozen, then the pause is lifted through the API. Run with
 * {@code ./mvnw -pl marketgate-server,marketgate-bench -am -Pbench verify -DskipTests
 * -Dbench.main=io.marketgate.bench.DrainBenchmark}; add {@code -Dbench.senders=1} to compare one call in
 * flight at a time with the default ({@code marketgate.metering.senders}), and {@code -Dbench.latencyMs=150} to
 * add that much to every call's round trip (a server far from the metering Region).
 */
public final class DrainBenchmark {

    private static final int BUDGET = 10;
    private static final int CUSTOMERS = 2_500;
    private static final int BATCH = 1_000;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private DrainBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchServer.stopAfter(Duration.ofSeconds(175));
        BenchDatabase database = new BenchDatabase.Sqlite();
        List<String> arguments = new ArrayList<>(List.of("--marketgate.metering.calls-per-second=" + BUDGET));
        String senders = System.getProperty("bench.senders", "");
        if (!senders.isBlank()) {
            arguments.add("--marketgate.metering.senders=" + senders);
        }
        try (BenchServer server = BenchServer.start(database, arguments)) {
            List<String> licenses = server.seedCustomers(database, CUSTOMERS, Duration.ofHours(4));
            // Paused as DisabledApiException leaves a product, so the whole backlog is frozen before any is sent.
            pause(server, database);
            long latencyMs = Long.getLong("bench.latencyMs", 0);
            if (latencyMs > 0) {
                // Each BatchMeterUsage call takes this much longer, as from a server far from the metering Region.
                server.simulator.faults().put("BatchMeterUsage", new FaultSpec(0, 0, 0, 0, false, latencyMs, 0, false));
            }
            // One record per customer and dimension, in an hour closed long ago: frozen as soon as it is seen.
            Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
            Map<String, Long> expected = new HashMap<>();
            StringBuilder batch = new StringBuilder();
            int inBatch = 0;
            long ingestStarted = System.nanoTime();
            for (int c = 0; c < CUSTOMERS; c++) {
                for (String dimension : BenchServer.DIMENSIONS) {
                    long quantity = 1 + (c * 7L + dimension.length()) % 100;
                    expected.put(key(licenses.get(c), dimension, hour), quantity);
                    batch.append(inBatch == 0 ? "{\"events\":[" : ",")
                            .append("{\"id\":\"")
                            .append(UUID.randomUUID())
                            .append("\",\"customer\":\"")
                            .append(BenchDatabase.customerId(c))
                            .append("\",\"dimension\":\"")
                            .append(dimension)
                            .append("\",\"quantity\":")
                            .append(quantity)
                            .append(",\"timestamp\":\"")
                            .append(hour.plus(Duration.ofMinutes(10)))
                            .append("\"}");
                    if (++inBatch == BATCH) {
                        server.postUsage(batch.append("]}").toString());
                        batch.setLength(0);
                        inBatch = 0;
                    }
                }
            }
            if (inBatch > 0) {
                server.postUsage(batch.append("]}").toString());
            }
            double ingestSeconds = (System.nanoTime() - ingestStarted) / 1e9;
            awaitRecords(server, database, "frozen", expected.size());
            // The whole backlog is frozen: an operator lifts the pause, as the runbook says.
            liftPause(server);
            long sendingSince = System.nanoTime();

            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            // Cheap to poll; which entries they are is checked below.
            while (server.simulator.ledger().entries().size() < expected.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "only " + server.simulator.ledger().entries().size() + " of " + expected.size()
                                    + " records billed within " + TIMEOUT);
                }
                Thread.sleep(10);
            }
            Instant drained = Instant.now();
            double sinceStart = (System.nanoTime() - sendingSince) / 1e9;
            awaitRecords(server, database, "success", expected.size());
            List<RequestLogEntry> calls =
                    server.simulator.metering().requestLog().entries("BatchMeterUsage");
            Instant firstCall = calls.get(0).receivedAt();
            double seconds = Duration.between(firstCall, drained).toNanos() / 1e9;
            double rate = expected.size() / seconds;
            double target = 0.95 * 25 * BUDGET;
            System.out.printf(
                    "drain: %d records in %.2f s from the first BatchMeterUsage call to the last record billed:"
                            + " %.1f records/s | baseline 0.95 x 25 x %d calls/s = %.1f records/s | ratio %.2f"
                            + " (goal >= 1.00; ceiling 25 x budget = %d records/s)%n",
                    expected.size(), seconds, rate, BUDGET, target, rate / target, 25 * BUDGET);
            report(server, database, expected, calls, ingestSeconds);
            System.out.printf(
                    "drain: %d records billed %.2f s after DELETE /v1/metering/pauses/%s (the server polls every"
                            + " second) | senders %s, added latency per call %d ms%n",
                    expected.size(),
                    sinceStart,
                    BenchServer.PRODUCT,
                    senders.isBlank() ? "(server default)" : senders,
                    Long.getLong("bench.latencyMs", 0));
        }
    }

    private static void report(
            BenchServer server,
            BenchDatabase database,
            Map<String, Long> expected,
            List<RequestLogEntry> calls,
            double ingestSeconds)
            throws Exception {
        Map<String, Long> statuses = new TreeMap<>();
        Map<String, Long> errors = new TreeMap<>();
        for (RequestLogEntry call : calls) {
            if (call.errorType() != null) {
                errors.merge(call.errorType(), 1L, Long::sum);
            }
            call.recordStatuses().forEach(s -> statuses.merge(s, 1L, Long::sum));
        }
        long lost = 0;
        long wrong = 0;
        Map<String, Long> billed = new HashMap<>();
        for (LedgerEntry entry : server.simulator.ledger().entries()) {
            billed.merge(key(entry.licenseArn(), entry.dimension(), entry.hour()), entry.quantity(), Long::sum);
        }
        for (Map.Entry<String, Long> record : expected.entrySet()) {
            Long quantity = billed.get(record.getKey());
            if (quantity == null) {
                lost++;
            } else if (!quantity.equals(record.getValue())) {
                wrong++;
            }
        }
        Map<String, Long> states = new TreeMap<>();
        try (Connection db = database.connect(server.folder);
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT state, count(*) FROM metering_record GROUP BY state")) {
            while (rows.next()) {
                states.put(rows.getString(1), rows.getLong(2));
            }
        }
        double span = Duration.between(
                                calls.get(0).receivedAt(),
                                calls.get(calls.size() - 1).receivedAt())
                        .toNanos()
                / 1e9;
        System.out.printf(
                "drain: lost %d, wrong quantity %d, ledger entries %d for %d records | %d calls (%.1f calls/s"
                        + " between the first and the last; budget %d), record statuses %s, call errors %s,"
                        + " server records by state %s | ingest of the backlog over HTTP took %.2f s%n",
                lost,
                wrong,
                server.simulator.ledger().entries().size(),
                expected.size(),
                calls.size(),
                (calls.size() - 1) / span,
                BUDGET,
                statuses,
                errors,
                states,
                ingestSeconds);
        // Where the budget went unused: gaps between calls longer than two budget intervals.
        double interval = 1.0 / BUDGET;
        int gaps = 0;
        double idle = 0;
        for (int i = 1; i < calls.size(); i++) {
            double gap =
                    Duration.between(calls.get(i - 1).receivedAt(), calls.get(i).receivedAt())
                                    .toNanos()
                            / 1e9;
            if (gap > 2 * interval) {
                gaps++;
                idle += gap - interval;
            }
        }
        System.out.printf(
                "drain: %d gaps between calls longer than %.0f ms, %.2f s unused in all%n",
                gaps, 2000 * interval, idle);
        if (lost > 0 || wrong > 0 || statuses.containsKey("DuplicateRecord")) {
            throw new IllegalStateException("the ledger does not match the records");
        }
    }

    private static void pause(BenchServer server, BenchDatabase database) throws Exception {
        try (Connection db = database.connect(server.folder);
                var sql = db.prepareStatement("INSERT INTO metering_pause (product_id, reason, paused_at)"
                        + " VALUES (?, 'DisabledApiException: paused by the benchmark', ?)")) {
            sql.setString(1, BenchServer.PRODUCT);
            sql.setObject(2, database.timestamp(Instant.now()));
            sql.executeUpdate();
        }
    }

    private static void liftPause(BenchServer server) throws Exception {
        HttpResponse<String> lifted = server.http.send(
                HttpRequest.newBuilder(URI.create(server.base + "/v1/metering/pauses/" + BenchServer.PRODUCT))
                        .header("Authorization", "Bearer " + server.key)
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (lifted.statusCode() != 200) {
            throw new IllegalStateException("lifting the pause answered " + lifted.statusCode() + ": " + lifted.body());
        }
    }

    /** Waits (bounded) until {@code count} of the server's records are in {@code state}. */
    private static void awaitRecords(BenchServer server, BenchDatabase database, String state, int count)
            throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (Connection db = database.connect(server.folder);
                var query = db.prepareStatement("SELECT count(*) FROM metering_record WHERE state = ?")) {
            query.setString(1, state);
            long found = 0;
            while (found < count) {
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    found = row.getLong(1);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            found + " of " + count + " records " + state + " within " + TIMEOUT);
                }
                Thread.sleep(50);
            }
        }
    }

    private static String key(String license, String dimension, Instant hour) {
        return license + "|" + dimension + "|" + hour;
    }
}
