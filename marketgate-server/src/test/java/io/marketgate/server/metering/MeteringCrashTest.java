package io.marketgate.server.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.shared.jdbc.TestDatabase;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.metering.LedgerEntry;
import io.marketgate.simulator.metering.RequestLogEntry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metering process is killed with SIGKILL at seeded points while it ingests and while it submits, and
 * restarted; afterwards every accepted unit is billed exactly once, per customer, dimension and hour.
 */
class MeteringCrashTest {

    private static final int CUSTOMERS = 80;

    @TempDir
    Path folder;

    private Instant firstHour;

    @Test
    void killedDuringIngestAndSubmissionBillsEveryAcceptedUnitOnceWithoutDuplicateRecords() throws Exception {
        Random seeded = new Random(20261202L);
        firstHour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        try (Simulator simulator = Simulator.builder().seed(5).port(0).build().start()) {
            var product = MeteringHarness.product(
                    "app", io.marketgate.server.product.IdentityMode.LICENSE, "requests", "storage");
            MeteringHarness.listIn(simulator, product);
            List<String> lines = new ArrayList<>();
            simulator.clock().advance(Duration.ofHours(-4)); // the agreements predate the usage hours
            for (int c = 0; c < CUSTOMERS; c++) {
                String account = String.format("9000000%05d", c);
                var agreement = simulator
                        .state()
                        .subscribe(
                                product.productCode(),
                                account,
                                io.marketgate.simulator.state.SubscribeOptions.standard())
                        .agreement();
                lines.add("cus_" + c + "," + account + "," + agreement.licenseArn());
            }
            simulator.clock().reset();
            Files.write(folder.resolve("customers.txt"), lines);

            int kills = 0;
            // Three kills while ingesting (after a seeded number of batches), three while submitting.
            for (String point : List.of("INGEST 1", "INGEST 3", "INGEST 5", "SUBMIT", "SUBMIT", "SUBMIT")) {
                Run run = start(simulator);
                assertThat(run.awaitLine(point)).as("reached %s", point).isTrue();
                if (point.equals("SUBMIT")) {
                    run.awaitDelay(Duration.ofMillis(100 + seeded.nextInt(600)));
                }
                assertThat(run.process.isAlive())
                        .as("killed while running (%s)", point)
                        .isTrue();
                run.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                kills++;
            }
            Run last = start(simulator);
            assertThat(last.awaitLine("DONE")).as("the last run finishes").isTrue();
            assertThat(last.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(kills).isGreaterThanOrEqualTo(5);

            Map<String, Long> accepted = new HashMap<>();
            try (TestDatabase database = TestDatabase.sqlite(folder)) {
                database.jdbcClient()
                        .sql("SELECT customer_key, dimension, billed_hour, sum(quantity) AS q FROM usage_event"
                                + " WHERE status = 'accepted' GROUP BY customer_key, dimension, billed_hour")
                        .query(row -> {
                            accepted.put(
                                    row.getString(1) + " " + row.getString(2) + " "
                                            + Instant.ofEpochMilli(row.getLong(3)),
                                    row.getLong(4));
                        });
                assertThat(database.jdbcClient()
                                .sql("SELECT count(*) FROM usage_event")
                                .query(Long.class)
                                .single())
                        .isEqualTo(CUSTOMERS * 2 * 2 * CrashWorkerMain.EVENTS_PER_RECORD);
            }
            Map<String, Long> billed = new HashMap<>();
            for (LedgerEntry entry : simulator.ledger().entries()) {
                billed.merge(
                        entry.licenseArn() + " " + entry.dimension() + " " + entry.hour(), entry.quantity(), Long::sum);
            }
            assertThat(billed).isEqualTo(accepted);
            assertThat(simulator.metering().requestLog().entries("BatchMeterUsage"))
                    .flatMap(RequestLogEntry::recordStatuses)
                    .doesNotContain("DuplicateRecord");
        }
    }

    private Run start(Simulator simulator) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashWorkerMain.class.getName(),
                        folder.toString(),
                        simulator.endpoint().toString(),
                        firstHour.toString())
                .redirectErrorStream(true)
                .start();
        return new Run(process);
    }

    /** A running worker process and the progress lines it printed. */
    private static final class Run {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Run(Process process) {
            this.process = process;
            Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (java.io.IOException ignored) {
                    // the process was killed
                }
            });
        }

        boolean awaitLine(String wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null && line.equals(wanted)) {
                    return true;
                }
                if (line != null && line.equals("STUCK")) {
                    return false;
                }
            }
            return false;
        }

        /** Waits a seeded time (the kill point) unless the process ends first. */
        void awaitDelay(Duration delay) throws InterruptedException {
            process.waitFor(delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
