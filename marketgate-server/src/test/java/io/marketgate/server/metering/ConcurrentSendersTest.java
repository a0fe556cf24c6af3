package io.marketgate.server.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.aws.MeteringSender;
import io.marketgate.server.product.IdentityMode;
import io.marketgate.server.product.Product;
import io.marketgate.server.shared.jdbc.TestDatabase;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.metering.RequestLogEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One instance keeps several BatchMeterUsage calls in flight at once (its senders), each batch sent once. */
class ConcurrentSendersTest {

    private static final int SENDERS = 3;

    @TempDir
    Path folder;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    // Each of the first calls waits (bounded) until SENDERS calls are in flight: one sender alone would
    // wait out the bound, and most would stay 1.
    private final CountDownLatch together = new CountDownLatch(SENDERS);

    private MeteringSender slowAnswers(MeteringSender sender) {
        return (product, records) -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                together.countDown();
                together.await(10, TimeUnit.SECONDS);
                return sender.send(product, records);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        };
    }

    @Test
    void callsOverlapUpToTheConfiguredSendersAndEveryRecordIsBilledOnce() {
        Product product = MeteringHarness.product("app", IdentityMode.LICENSE, "requests");
        UnaryOperator<MeteringSettings> senders = p -> new MeteringSettings(
                p.grace(),
                p.awsWindow(),
                p.monthEndCutoff(),
                p.safetyMargin(),
                p.futureTolerance(),
                p.callsPerSecond(),
                p.batchBytes(),
                SENDERS,
                p.lease(),
                p.retryBase(),
                p.retryMax(),
                p.pollInterval(),
                false,
                true);
        try (MeteringHarness harness = new MeteringHarness(
                TestDatabase.sqlite(folder),
                Instant.parse("2026-03-10T10:20:00Z"),
                List.of(product),
                senders,
                this::slowAnswers,
                Simulator.builder().seed(3).port(0).meteringRequestsPerSecond(0))) {
            List<UsageInput> inputs = new ArrayList<>();
            for (int c = 0; c < 200; c++) {
                var buyer = harness.subscribe(product, String.format("7000000%05d", c));
                inputs.add(UsageInput.of(
                        "r" + c, buyer.customer().customerId(), "requests", c + 1, "2026-03-10T10:05:00Z"));
            }
            harness.ingest.ingest(inputs);
            harness.clock.advance(Duration.ofHours(1));

            harness.worker.runOnce();

            assertThat(most.get()).as("calls in flight at once").isEqualTo(SENDERS);
            List<RequestLogEntry> calls =
                    harness.simulator.metering().requestLog().entries("BatchMeterUsage");
            assertThat(calls).hasSize(8);
            assertThat(calls)
                    .flatMap(RequestLogEntry::recordStatuses)
                    .hasSize(200)
                    .containsOnly("Success");
            assertThat(harness.ledger()).hasSize(200);
            assertThat(harness.billed()).isEqualTo(200 * 201 / 2);
            assertThat(harness.count("SELECT count(*) FROM metering_record WHERE state = 'success'"))
                    .isEqualTo(200);
        }
    }
}
