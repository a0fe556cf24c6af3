package io.marketgate.bench;

import io.marketgate.client.MarketgateClient;
import io.marketgate.client.RetryPolicy;
import io.marketgate.client.UsageEvent;
import io.marketgate.client.UsageResult;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.faults.FaultSpec;
import io.marketgate.simulator.metering.LedgerEntry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exactly-once metering across crashes: the packaged server is killed ({@code kill -9}) and restarted at
 * seeded points, half of the kills while a client posts usage over HTTP, resending what was not answered
 * with the same event ids (every other one once a batch was stored and answered, the answer dropped as if
 * lost in the crash, so its resend must come back duplicate), half while the server sends BatchMeterUsage to
 * a standalone simulator (every other one while the simulator holds the answer of a call it has billed).
 * Then, per customer, dimension and hour: Σ usage the client had accepted = Σ billed in the simulator's
 * ledger = Σ accepted in {@code usage_event}, no DuplicateRecord, and the reconciliation balanced. Run with
 * {@code ./mvnw -pl marketgate-server,marketgate-bench -am -Pbench verify -DskipTests
 * -Dbench.main=io.marketgate.bench.CrashBenchmark} ({@code -Dbench.database=postgresql} for PostgreSQL).
 */
public final class CrashBenchmark {

    private static final long SEED = 20261203L;
    private static final int INGEST_KILLS = 10;
    private static final int SUBMIT_KILLS = 10;
    private static final int CUSTOMERS = 500;
    private static final int EVENTS_PER_RECORD = 3;
    private static final int RECORDS_PER_BATCH = 10;
    private static final String OPERATION = "BatchMeterUsage";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final Random seeded = new Random(SEED);
    private final Instant firstHour =
            Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
    private final List<String> kills = new ArrayList<>();
    private final BenchDatabase database;
    private BenchServer server;
    private double restartSeconds;

    private CrashBenchmark(BenchDatabase database) {
        this.database = database;
    }

    public static void main(String[] args) throws Exception {
        BenchServer.stopAfter(Duration.ofMinutes(15));
        long began = System.nanoTime();
        BenchDatabase database = "postgresql".equals(System.getProperty("bench.database"))
                ? BenchDatabase.Postgresql.create()
                : new BenchDatabase.Sqlite();
        boolean passed;
        try {
            passed = new CrashBenchmark(database).run(began);
        } finally {
            database.close();
        }
        System.exit(passed ? 0 : 1);
    }

    private boolean run(long began) throws Exception {
        try (BenchServer started = BenchServer.start(
                database,
                // C1 only: each server lives for seconds, so startup costs more than peak speed.
                List.of("-XX:TieredStopAtLevel=1"),
                List.of(
                        "--marketgate.metering.calls-per-second=2",
                        "--marketgate.metering.lease=3s",
                        "--marketgate.metering.poll-interval=200ms",
                        "--marketgate.metering.retry-base=100ms",
                        "--marketgate.metering.retry-max=1s"))) {
            server = started;
            List<String> licenses = server.seedCustomers(database, CUSTOMERS, Duration.ofHours(4));
            Client client = new Client(batches());
            Thread.ofPlatform().name("usage-client").start(client::run);
            int span = client.batches.size() / INGEST_KILLS;
            for (int k = 0; k < INGEST_KILLS; k++) {
                int after = k * span + 1 + seeded.nextInt(span - 2);
                await(() -> client.answered.get() >= after || client.failure != null, "batch " + after);
                if (k % 2 == 1) { // once the server stored and answered a batch, as if the answer were lost
                    client.loseAnswerOf = client.answered.get() + 1;
                    await(() -> client.holding || client.failure != null, "a batch answered");
                } else { // most often while the server handles a batch
                    Thread.sleep(seeded.nextInt(10));
                }
                require(!client.done && client.failure == null, "the client is still sending at kill " + k);
                kills.add((k % 2 == 1 ? "lost@" : "ingest@") + client.answered.get());
                killAndRestart(k % 2 == 1 ? client.resend::release : () -> {});
            }
            await(() -> client.done || client.failure != null, "the client's last batch");
            require(client.failure == null, "the client failed: " + client.failure);
            for (int k = 0; k < SUBMIT_KILLS; k++) {
                killWhileSending(k % 2 == 1);
            }
            await(() -> unsettled() == 0, "every record settled", Duration.ofMillis(200));
            return check(client, licenses, began);
        }
    }

    /** As in the server's crash test: all of a record's events in one batch, so none can roll forward. */
    private List<List<UsageEvent>> batches() {
        List<List<UsageEvent>> batches = new ArrayList<>();
        List<UsageEvent> batch = new ArrayList<>();
        for (int hour = 0, records = 0; hour < 2; hour++) {
            for (int c = 0; c < CUSTOMERS; c++) {
                for (String dimension : BenchServer.DIMENSIONS) {
                    for (int e = 0; e < EVENTS_PER_RECORD; e++) {
                        Instant at = firstHour.plus(Duration.ofHours(hour)).plusSeconds(seeded.nextInt(3600));
                        String id = "ev-" + hour + "-" + c + "-" + dimension + "-" + e;
                        batch.add(
                                new UsageEvent(id, BenchDatabase.customerId(c), dimension, 1 + seeded.nextInt(50), at));
                    }
                    if (++records % RECORDS_PER_BATCH == 0) {
                        batches.add(batch);
                        batch = new ArrayList<>();
                    }
                }
            }
        }
        return batches;
    }

    /** Kills once the request log reaches a seeded count, or after AWS billed a call whose answer it holds. */
    private void killWhileSending(boolean afterAwsRecorded) throws Exception {
        Simulator simulator = server.simulator;
        int target = calls() + 1 + seeded.nextInt(2);
        await(() -> calls() >= target, "call " + target);
        if (afterAwsRecorded) {
            int billed = simulator.ledger().entries().size();
            simulator.faults().put(OPERATION, new FaultSpec(0, 0, 100, 5_000, true, 0, 0, false));
            await(() -> simulator.ledger().entries().size() > billed, "a held call");
        }
        require(unsettled() > 0, "records left to send at the kill after call " + target);
        kills.add((afterAwsRecorded ? "held@" : "send@") + target);
        killAndRestart(() -> simulator.faults().remove(OPERATION));
    }

    private void killAndRestart(Runnable whileDown) throws Exception {
        long started = System.nanoTime();
        server.killAndRestart(whileDown);
        double seconds = (System.nanoTime() - started) / 1e9;
        restartSeconds += seconds;
        System.out.printf("kill %d: %s, live again after %.1f s%n", kills.size(), kills.getLast(), seconds);
    }

    private boolean check(Client client, List<String> licenses, long began) throws Exception {
        Map<String, Long> accepted = new HashMap<>();
        client.answers.forEach((event, status) -> {
            if (status == UsageResult.Status.ACCEPTED || status == UsageResult.Status.DUPLICATE) {
                int customer = Integer.parseInt(event.customer().substring("cus_bench".length()));
                accepted.merge(
                        key(licenses.get(customer), event.dimension(), hourOf(event)), event.quantity(), Long::sum);
            }
        });
        Map<String, Long> billed = new HashMap<>();
        for (LedgerEntry entry : server.simulator.ledger().entries()) {
            billed.merge(key(entry.licenseArn(), entry.dimension(), entry.hour()), entry.quantity(), Long::sum);
        }
        List<String> statuses = server.simulator.metering().requestLog().entries(OPERATION).stream()
                .flatMap(call -> call.recordStatuses().stream())
                .toList();
        long duplicateRecords =
                statuses.stream().filter("DuplicateRecord"::equals).count();
        boolean balanced = reconciliation().contains("\"balanced\":true");
        boolean allStored =
                accepted.values().stream().mapToLong(Long::longValue).sum()
                        == client.answers.keySet().stream()
                                .mapToLong(UsageEvent::quantity)
                                .sum();
        boolean lostAnswersDuplicate = client.resent.size() == INGEST_KILLS / 2
                && client.resent.stream()
                        .flatMap(b -> client.batches.get(b).stream())
                        .allMatch(event -> client.answers.get(event) == UsageResult.Status.DUPLICATE);
        boolean passed = kills.size() >= 20
                && lostAnswersDuplicate
                && allStored
                && billed.equals(accepted)
                && stored().equals(accepted)
                && duplicateRecords == 0
                && balanced;
        System.out.printf(
                "crash (%s, seed %d): %d kills %s; %d events (%d answered duplicate, the batches resent after %d lost"
                        + " answers all duplicate %b), %d units accepted; %d records billed, %d units billed, %d BatchMeterUsage calls, %d records"
                        + " resent after a kill; DuplicateRecord %d; every event stored %b, ledger = accepted %b,"
                        + " usage_event = accepted %b, reconciliation balanced %b; %.1f s in all, of which %.1f s"
                        + " killing and restarting (%.1f s each)%n",
                database.name(),
                SEED,
                kills.size(),
                kills,
                client.answers.size(),
                client.answers.values().stream()
                        .filter(UsageResult.Status.DUPLICATE::equals)
                        .count(),
                client.resent.size(),
                lostAnswersDuplicate,
                accepted.values().stream().mapToLong(Long::longValue).sum(),
                billed.size(),
                billed.values().stream().mapToLong(Long::longValue).sum(),
                calls(),
                statuses.stream().filter("Success"::equals).count() - billed.size(),
                duplicateRecords,
                allStored,
                billed.equals(accepted),
                stored().equals(accepted),
                balanced,
                (System.nanoTime() - began) / 1e9,
                restartSeconds,
                restartSeconds / kills.size());
        System.out.println(passed ? "PASS" : "FAIL");
        return passed;
    }

    /** Σ accepted usage per license, dimension and billed hour in the server's {@code usage_event}. */
    private Map<String, Long> stored() throws Exception {
        Map<String, Long> stored = new HashMap<>();
        try (Connection db = database.connect(server.folder);
                PreparedStatement query = db.prepareStatement("SELECT customer_key, dimension, sum(quantity)"
                        + " FROM usage_event WHERE status = 'accepted' AND billed_hour = ?"
                        + " GROUP BY customer_key, dimension")) {
            for (int hour = 0; hour < 2; hour++) {
                Instant billedHour = firstHour.plus(Duration.ofHours(hour));
                query.setObject(1, database.timestamp(billedHour));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        stored.put(key(rows.getString(1), rows.getString(2), billedHour), rows.getLong(3));
                    }
                }
            }
        }
        return stored;
    }

    /** Records of the usage hours not yet settled (open, or frozen and not answered). */
    private long unsettled() throws Exception {
        try (Connection db = database.connect(server.folder);
                PreparedStatement query = db.prepareStatement("SELECT count(*) FROM metering_record"
                        + " WHERE state IN ('open', 'frozen') AND hour >= ? AND hour < ?")) {
            query.setObject(1, database.timestamp(firstHour));
            query.setObject(2, database.timestamp(firstHour.plus(Duration.ofHours(2))));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private String reconciliation() throws Exception {
        URI uri = URI.create(server.base + "/v1/metering/reconciliation?from=" + firstHour + "&to="
                + firstHour.plus(Duration.ofHours(2)));
        return server.http
                .send(
                        HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer " + server.key)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private int calls() {
        return server.simulator.metering().requestLog().entries(OPERATION).size();
    }

    private static Instant hourOf(UsageEvent event) {
        return event.timestamp().truncatedTo(ChronoUnit.HOURS);
    }

    private static String key(String license, String dimension, Instant hour) {
        return license + "|" + dimension + "|" + hour;
    }

    private static void await(ThrowingCondition condition, String what) throws Exception {
        await(condition, what, Duration.ofMillis(1));
    }

    private static void await(ThrowingCondition condition, String what, Duration poll) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("seed " + SEED + ": waited " + WAIT + " for " + what);
            }
            Thread.sleep(poll);
        }
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("seed " + SEED + ": " + what);
        }
    }

    @FunctionalInterface
    private interface ThrowingCondition {
        boolean holds() throws Exception;
    }

    /** A seller's application reporting usage batch by batch; the Marketgate client resends unanswered batches. */
    private final class Client {
        final List<List<UsageEvent>> batches;
        final Map<UsageEvent, UsageResult.Status> answers = new ConcurrentHashMap<>();
        final AtomicInteger answered = new AtomicInteger();
        final List<Integer> resent = new CopyOnWriteArrayList<>();
        final Semaphore resend = new Semaphore(0);
        volatile int loseAnswerOf = -1;
        volatile boolean holding;
        volatile boolean done;
        volatile String failure;

        Client(List<List<UsageEvent>> batches) {
            this.batches = batches;
        }

        void run() {
            MarketgateClient marketgate = MarketgateClient.builder(URI.create(server.base), server.key)
                    .retries(new RetryPolicy(1_000, Duration.ofMillis(50), Duration.ofMillis(100)))
                    .build();
            try {
                for (int b = 0; b < batches.size(); b++) {
                    List<UsageEvent> batch = batches.get(b);
                    List<UsageResult> results = marketgate.reportUsage(batch).results();
                    if (b == loseAnswerOf) { // dropped: sent again once the server was killed and restarted
                        holding = true;
                        resend.acquire();
                        holding = false;
                        resent.add(b);
                        results = marketgate.reportUsage(batch).results();
                    }
                    for (int i = 0; i < batch.size(); i++) {
                        answers.put(batch.get(i), results.get(i).status());
                    }
                    answered.incrementAndGet();
                }
                done = true;
            } catch (RuntimeException | InterruptedException e) {
                failure = e.toString();
            }
        }
    }
}
