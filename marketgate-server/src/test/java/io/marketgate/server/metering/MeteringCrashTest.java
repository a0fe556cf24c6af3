package io.marketgate.server.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marketgate.client.UsageEvent;
import io.marketgate.client.UsageResult;
import io.marketgate.server.ServerProcess;
import io.marketgate.server.TestDataFolder;
import io.marketgate.server.aws.RecordingProxy;
import io.marketgate.server.product.IdentityMode;
import io.marketgate.server.product.Product;
import io.marketgate.server.shared.jdbc.TestDatabase;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.faults.FaultSpec;
import io.marketgate.simulator.metering.LedgerEntry;
import io.marketgate.simulator.metering.RequestLogEntry;
import io.marketgate.simulator.state.SubscribeOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole server is killed ({@code kill -9}) at seeded points while a client posts usage over HTTP and while
 * it sends BatchMeterUsage to a standalone simulator, and started again on the same database each time;
 * afterwards every accepted unit is billed exactly once per customer, dimension and hour, and AWS never
 * answered DuplicateRecord.
 */
class MeteringCrashTest {

    private static final long SEED = 20261202L;
    private static final int CUSTOMERS = 100;
    private static final int EVENTS_PER_RECORD = 3;
    private static final int RECORDS_PER_BATCH = 10;
    private static final String OPERATION = "BatchMeterUsage";
    private static final Product PRODUCT = MeteringHarness.product("app", IdentityMode.LICENSE, "requests", "storage");

    private final Random seeded = new Random(SEED);
    private final long began = System.nanoTime();
    private final List<Double> restarts = new ArrayList<>();
    private int lostAnswer;
    private final Instant firstHour =
            Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));

    @Test
    void serverKilledDuringIngestAndSubmissionBillsEveryAcceptedUnitOnceWithoutDuplicateRecords() throws Exception {
        try (Simulator simulator = Simulator.builder().seed(5).port(0).build().start();
                ServerProcess server = ServerProcess.against(simulator.endpoint(), TestDataFolder.fresh(), args());
                RecordingProxy proxy = RecordingProxy.to(server.url("/"))) {
            MeteringHarness.listIn(simulator, PRODUCT);
            List<String> licenses = subscribe(simulator);
            server.start();
            register(server, licenses);
            UsageReporter client = new UsageReporter(proxy.endpoint(), server.apiKey(), batches()).start();
            List<String> kills = new ArrayList<>();
            int third = client.batches.size() / 3;
            for (int k = 0; k < 3; k++) { // while the client posts usage
                int after = k * third + 2 + seeded.nextInt(third - 6);
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(1))
                        .until(() -> client.answered.get() >= after || client.stopped());
                assertThat(client.failure).as(seedNote()).isNull();
                kills.add(k == 1 ? loseAnswer(proxy, server, client) : killDuringIngest(server, client));
            }
            await().atMost(Duration.ofSeconds(60)).until(client::stopped);
            assertThat(client.failure).as(seedNote()).isNull();
            for (int k = 0; k < 2; k++) { // while the submitter sends, at 2 calls a second
                kills.add(killWhileSending(simulator, server, k % 2 == 1));
            }
            awaitDrained(server, client.units());
            assertBilledOnce(simulator, server, client, licenses, kills);
            System.out.println(summary(simulator, client, kills));
        }
    }

    private String[] args() {
        return new String[] {
            "--marketgate.sellers.seller.account-id=" + MeteringHarness.SELLER,
            "--marketgate.products.app.product-code=" + PRODUCT.productCode(),
            "--marketgate.products.app.identity-mode=license",
            "--marketgate.products.app.pricing-model=subscription",
            "--marketgate.products.app.dimensions[0].key=requests",
            "--marketgate.products.app.dimensions[1].key=storage",
            "--marketgate.security.rate-limit.enabled=false",
            "--marketgate.metering.zero-records=false",
            // Slow sending spans seconds, so kills land while records are in flight; short leases and retries
            // let a restarted server take over a killed one's claims soon.
            "--marketgate.metering.calls-per-second=2",
            "--marketgate.metering.lease=3s",
            "--marketgate.metering.poll-interval=200ms",
            "--marketgate.metering.retry-base=100ms",
            "--marketgate.metering.retry-max=1s"
        };
    }

    /** Buyers subscribe in the simulator four hours ago, so their licenses cover the usage hours. */
    private static List<String> subscribe(Simulator simulator) {
        List<String> licenses = new ArrayList<>();
        simulator.clock().advance(Duration.ofHours(-4));
        for (int c = 0; c < CUSTOMERS; c++) {
            licenses.add(simulator
                    .state()
                    .subscribe(PRODUCT.productCode(), account(c), SubscribeOptions.standard())
                    .agreement()
                    .licenseArn());
        }
        simulator.clock().reset();
        return licenses;
    }

    /** The same buyers as the server's lifecycle leaves them: registered customers with active subscriptions. */
    private static void register(ServerProcess server, List<String> licenses) {
        long since = Instant.now().minus(Duration.ofHours(4)).toEpochMilli();
        try (TestDatabase database = TestDatabase.sqlite(server.folder())) {
            var jdbc = database.jdbcClient();
            for (int c = 0; c < CUSTOMERS; c++) {
                jdbc.sql("INSERT INTO customer (id, product_id, identity_key, aws_account_id, license_arn, fields,"
                                + " registered_at) VALUES (?, 'app', ?, ?, ?, '{}', ?)")
                        .params(customerId(c), licenses.get(c), account(c), licenses.get(c), since)
                        .update();
                jdbc.sql("INSERT INTO subscription (product_id, subscription_key, state, customer_id, aws_account_id,"
                                + " license_arn, free_trial, active_since, created_at, updated_at, version) VALUES"
                                + " ('app', ?, 'active', ?, ?, ?, 0, ?, ?, ?, 1)")
                        .params(licenses.get(c), customerId(c), account(c), licenses.get(c), since, since, since)
                        .update();
            }
            jdbc.sql("UPDATE access_version SET version = version + 1").update();
        }
    }

    /**
     * Two closed hours of usage, several events per customer, dimension and hour, all of a record's events in
     * one batch: a record freezes (its hour being closed) once its batch is in, and no later event of it can
     * roll forward into the open hour.
     */
    private List<List<UsageEvent>> batches() {
        List<List<UsageEvent>> batches = new ArrayList<>();
        List<UsageEvent> batch = new ArrayList<>();
        int records = 0;
        for (int hour = 0; hour < 2; hour++) {
            for (int c = 0; c < CUSTOMERS; c++) {
                for (String dimension : List.of("requests", "storage")) {
                    for (int e = 0; e < EVENTS_PER_RECORD; e++) {
                        Instant at = firstHour.plus(Duration.ofHours(hour)).plusSeconds(seeded.nextInt(3600));
                        String id = "ev-" + hour + "-" + c + "-" + dimension + "-" + e;
                        long quantity = 1 + seeded.nextInt(50);
                        // Some usage tagged, so frozen records carry UsageAllocations that a resend must repeat.
                        List<UsageEvent.Allocation> tags = e == 0
                                ? List.of(new UsageEvent.Allocation(quantity, Map.of("team", "t" + c % 3)))
                                : List.of();
                        batch.add(new UsageEvent(id, customerId(c), dimension, quantity, at, tags));
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

    /** Kills the server a seeded time after an answer, most often while it handles the next batch. */
    private String killDuringIngest(ServerProcess server, UsageReporter client) throws Exception {
        TimeUnit.MILLISECONDS.sleep(seeded.nextInt(10));
        String kill = "ingest after " + client.answered.get() + " batches";
        assertThat(client.stopped()).as("killed during ingest; " + seedNote()).isFalse();
        killAndRestart(server, () -> {});
        return kill;
    }

    /**
     * Kills the server once it has stored and answered a batch, before the answer reaches the client: the
     * client resends that batch, and each of its events must come back duplicate.
     */
    private String loseAnswer(RecordingProxy proxy, ServerProcess server, UsageReporter client) throws Exception {
        CompletableFuture<Integer> killed = new CompletableFuture<>();
        proxy.loseNextAnswer(() -> {
            try {
                server.kill();
                killed.complete(client.answered.get());
            } catch (InterruptedException e) {
                killed.completeExceptionally(e);
            }
        });
        lostAnswer = killed.get(60, TimeUnit.SECONDS);
        restart(server);
        return "ingest, the answer to batch " + (lostAnswer + 1) + " lost";
    }

    /**
     * Kills the server once the simulator's request log reaches a seeded count; {@code afterAwsRecorded}: while
     * AWS holds the answer of a call it has already billed, so the server never learns the call's outcome.
     */
    private String killWhileSending(Simulator simulator, ServerProcess server, boolean afterAwsRecorded)
            throws Exception {
        int target = calls(simulator) + 1 + seeded.nextInt(2);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(1))
                .until(() -> calls(simulator) >= target);
        int billed = simulator.ledger().entries().size();
        if (afterAwsRecorded) {
            simulator.faults().put(OPERATION, new FaultSpec(0, 0, 100, 5_000, true, 0, 0, false));
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> simulator.ledger().entries().size() > billed);
        }
        assertThat(backlog(server))
                .as("records left to send at the kill; " + seedNote())
                .isPositive();
        killAndRestart(server, () -> simulator.faults().remove(OPERATION));
        return (afterAwsRecorded ? "after AWS billed call " : "sending, at call ") + target;
    }

    private void killAndRestart(ServerProcess server, Runnable whileDown) throws Exception {
        assertThat(server.isAlive()).as("the server runs until it is killed").isTrue();
        server.kill();
        whileDown.run();
        restart(server);
    }

    private void restart(ServerProcess server) throws Exception {
        long started = System.nanoTime();
        server.start();
        restarts.add((System.nanoTime() - started) / 1e9);
    }

    private String summary(Simulator simulator, UsageReporter client, List<String> kills) {
        List<String> statuses = simulator.metering().requestLog().entries(OPERATION).stream()
                .flatMap(call -> call.recordStatuses().stream())
                .toList();
        int billed = simulator.ledger().entries().size();
        return String.format(
                "crash test, %s: %d kills %s; %d events (%d answered duplicate: stored by a send whose answer was"
                        + " lost), %d units; %d records billed in %d BatchMeterUsage calls, %d records resent after"
                        + " a kill, %d DuplicateRecord; restarts took %s s; %.1f s in all",
                seedNote(),
                kills.size(),
                kills,
                client.answers.size(),
                client.answered(UsageResult.Status.DUPLICATE),
                client.units(),
                billed,
                calls(simulator),
                statuses.stream().filter("Success"::equals).count() - billed,
                statuses.stream().filter("DuplicateRecord"::equals).count(),
                restarts.stream().map(t -> String.format("%.1f", t)).toList(),
                (System.nanoTime() - began) / 1e9);
    }

    private static int calls(Simulator simulator) {
        return simulator.metering().requestLog().entries(OPERATION).size();
    }

    private static long backlog(ServerProcess server) {
        try (TestDatabase database = TestDatabase.sqlite(server.folder())) {
            return database.jdbcClient()
                    .sql("SELECT count(*) FROM metering_record WHERE state IN ('open', 'frozen')")
                    .query(Long.class)
                    .single();
        }
    }

    private void awaitDrained(ServerProcess server, long expected) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    JsonNode total = reconciliation(server).path("total");
                    return total.path("accepted").asLong() == expected
                            && total.path("open").asLong() == 0
                            && total.path("pending").asLong() == 0;
                });
    }

    private void assertBilledOnce(
            Simulator simulator, ServerProcess server, UsageReporter client, List<String> licenses, List<String> kills)
            throws Exception {
        String context = seedNote() + "; kills: " + kills;
        assertThat(kills).as(context).hasSizeGreaterThanOrEqualTo(5);
        assertThat(client.answers.values())
                .as("every event stored, by this send or a lost one; " + context)
                .allMatch(status -> status == UsageResult.Status.ACCEPTED || status == UsageResult.Status.DUPLICATE);
        assertThat(client.batches.get(lostAnswer))
                .as("the resent batch whose answer was lost; " + context)
                .allMatch(event -> client.answers.get(event) == UsageResult.Status.DUPLICATE);
        Map<String, Long> accepted = new HashMap<>();
        client.answers.keySet().forEach(event -> accepted.merge(key(licenses, event), event.quantity(), Long::sum));
        Map<String, Long> billed = new HashMap<>();
        for (LedgerEntry entry : simulator.ledger().entries()) {
            billed.merge(key(entry.licenseArn(), entry.dimension(), entry.hour()), entry.quantity(), Long::sum);
        }
        assertThat(billed).as("billed in the simulator = accepted; " + context).isEqualTo(accepted);
        assertThat(stored(server)).as("accepted in usage_event; " + context).isEqualTo(accepted);
        assertThat(simulator.metering().requestLog().entries(OPERATION))
                .flatMap(RequestLogEntry::recordStatuses)
                .as(context)
                .doesNotContain("DuplicateRecord");
        JsonNode books = reconciliation(server);
        assertThat(books.path("balanced").asBoolean()).as(context).isTrue();
        for (JsonNode line : books.path("lines")) {
            assertThat(line.path("acceptedByAws").asLong())
                    .as("AWS accepted what was accepted, %s; %s", line, context)
                    .isEqualTo(line.path("accepted").asLong());
        }
    }

    /** Σ accepted usage per customer key, dimension and billed hour, as the server stored it. */
    private static Map<String, Long> stored(ServerProcess server) {
        Map<String, Long> stored = new HashMap<>();
        try (TestDatabase database = TestDatabase.sqlite(server.folder())) {
            database.jdbcClient()
                    .sql("SELECT customer_key, dimension, billed_hour, sum(quantity) FROM usage_event"
                            + " WHERE status = 'accepted' GROUP BY customer_key, dimension, billed_hour")
                    .query(row -> {
                        stored.put(
                                key(row.getString(1), row.getString(2), Instant.ofEpochMilli(row.getLong(3))),
                                row.getLong(4));
                    });
        }
        return stored;
    }

    private JsonNode reconciliation(ServerProcess server) throws Exception {
        URI uri = server.url(
                "/v1/metering/reconciliation?from=" + firstHour + "&to=" + firstHour.plus(Duration.ofHours(2)));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri)
                            .header("Authorization", "Bearer " + server.apiKey())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JsonMapper.builder().build().readTree(response.body());
        }
    }

    private static String seedNote() {
        return "seed " + SEED;
    }

    private static String key(String license, String dimension, Instant hour) {
        return license + " " + dimension + " " + hour;
    }

    private static String key(List<String> licenses, UsageEvent event) {
        String license = licenses.get(Integer.parseInt(event.customer().substring("cus_crash".length())));
        return key(license, event.dimension(), event.timestamp().truncatedTo(ChronoUnit.HOURS));
    }

    private static String account(int c) {
        return String.format("9000000%05d", c);
    }

    private static String customerId(int c) {
        return String.format("cus_crash%04d", c);
    }
}
