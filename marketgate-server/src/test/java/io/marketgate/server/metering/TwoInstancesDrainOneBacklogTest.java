package io.marketgate.server.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.aws.MeteringSender;
import io.marketgate.server.product.IdentityMode;
import io.marketgate.server.product.Product;
import io.marketgate.server.shared.jdbc.TestDatabase;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.metering.RequestLogEntry;
import io.marketgate.testing.Piece;
import io.marketgate.testing.Requires;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Two instances on one PostgreSQL share one backlog: every record is sent once, within one shared call budget. */
@Requires(Piece.POSTGRESQL)
class TwoInstancesDrainOneBacklogTest {

    private static final double BUDGET = 5;

    @Test
    void everyRecordIsBilledOnceAndTheCallRateStaysWithinTheSharedBudget() throws Exception {
        Product product = MeteringHarness.product("app", IdentityMode.LICENSE, "requests", "storage");
        List<Long> callStarts = Collections.synchronizedList(new ArrayList<>());
        UnaryOperator<MeteringSender> recording = sender -> (p, records) -> {
            callStarts.add(System.nanoTime());
            return sender.send(p, records);
        };
        UnaryOperator<MeteringSettings> budget = p -> new MeteringSettings(
                p.grace(),
                p.awsWindow(),
                p.monthEndCutoff(),
                p.safetyMargin(),
                p.futureTolerance(),
                BUDGET,
                p.batchBytes(),
                p.senders(),
                p.lease(),
                p.retryBase(),
                p.retryMax(),
                p.pollInterval(),
                false,
                true);
        try (MeteringHarness first = new MeteringHarness(
                        TestDatabase.postgresql(),
                        Instant.parse("2026-03-10T10:20:00Z"),
                        List.of(product),
                        budget,
                        recording,
                        Simulator.builder().seed(11).port(0).meteringRequestsPerSecond(0));
                MeteringHarness second = first.secondInstance(recording)) {
            List<UsageInput> inputs = new ArrayList<>();
            for (int c = 0; c < 150; c++) {
                var buyer = first.subscribe(product, String.format("8000000%05d", c));
                inputs.add(UsageInput.of(
                        "r" + c, buyer.customer().customerId(), "requests", c + 1, "2026-03-10T10:05:00Z"));
                inputs.add(UsageInput.of("s" + c, buyer.customer().customerId(), "storage", 2, "2026-03-10T10:05:00Z"));
            }
            first.ingest.ingest(inputs);
            first.clock.advance(Duration.ofHours(1));
            first.freezer.freezeClosedHours();

            ExecutorService instances = Executors.newFixedThreadPool(2);
            List<Future<Integer>> calls =
                    List.of(instances.submit(first.submitter::drain), instances.submit(second.submitter::drain));
            int made = calls.get(0).get(2, TimeUnit.MINUTES) + calls.get(1).get(2, TimeUnit.MINUTES);
            instances.shutdown();

            List<RequestLogEntry> log = first.simulator.metering().requestLog().entries("BatchMeterUsage");
            assertThat(log).hasSize(made);
            assertThat(log.stream()
                            .mapToInt(call -> call.recordStatuses().size())
                            .sum())
                    .as("each record sent once")
                    .isEqualTo(300);
            assertThat(log).flatMap(RequestLogEntry::recordStatuses).containsOnly("Success");
            assertThat(first.ledger()).hasSize(300);
            assertThat(first.billed()).isEqualTo(150 * 151 / 2 + 300);
            // A token bucket of one token refilled at BUDGET per second admits at most 1 + BUDGET calls in any second.
            List<Long> starts = new ArrayList<>(callStarts);
            Collections.sort(starts);
            for (int i = 0; i < starts.size(); i++) {
                int j = i;
                while (j < starts.size() && starts.get(j) - starts.get(i) < 1_000_000_000L) {
                    j++;
                }
                assertThat(j - i).as("calls within one second from call %d", i).isLessThanOrEqualTo((int) BUDGET + 1);
            }
        }
    }
}
