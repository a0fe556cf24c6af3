package io.marketgate.server.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.marketgate.server.aws.MeterRecord;
import io.marketgate.server.metering.UsageOutcome.Status;
import io.marketgate.server.product.IdentityMode;
import io.marketgate.server.product.Product;
import io.marketgate.server.shared.jdbc.TestDatabase;
import io.marketgate.simulator.faults.FaultSpec;
import io.marketgate.simulator.metering.LedgerEntry;
import io.marketgate.simulator.metering.RequestLogEntry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BatchMeterUsage outcomes, faults, windows and lifecycle against the simulator (SQLite). */
class MeteringSubmissionTest {

    static final Instant START = Instant.parse("2026-03-10T10:20:00Z");

    @TempDir
    Path folder;

    MeteringHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private MeteringHarness open(Instant start, Product product, UnaryOperator<MeteringSettings> settings) {
        harness = new MeteringHarness(TestDatabase.sqlite(folder), start, List.of(product), settings);
        return harness;
    }

    private static UnaryOperator<MeteringSettings> zeroRecords(boolean on) {
        return p -> new MeteringSettings(
                p.grace(),
                p.awsWindow(),
                p.monthEndCutoff(),
                p.safetyMargin(),
                p.futureTolerance(),
                p.callsPerSecond(),
                p.batchBytes(),
                p.senders(),
                p.lease(),
                p.retryBase(),
                p.retryMax(),
                p.pollInterval(),
                on,
                p.submit());
    }

    private List<RequestLogEntry> calls() {
        return harness.simulator.metering().requestLog().entries("BatchMeterUsage");
    }

    private List<String> states() {
        return harness.jdbc
                .sql("SELECT state FROM metering_record ORDER BY id")
                .query(String.class)
                .list();
    }

    @Test
    void duplicateRecordAndCustomerNotSubscribedAreTerminalVisibleAndNeverRetried() {
        Product product = MeteringHarness.product("app", IdentityMode.LICENSE, "requests");
        open(START, product, p -> p);
        var kept = harness.subscribe(product, "222233334444");
        var cancelled = harness.subscribe(product, "333344445555");
        // Someone else already billed this customer's hour with another quantity.
        new SimulatorMeteringSender(harness.simulator.endpoint())
                .send(
                        product,
                        List.of(new MeterRecord(
                                kept.customer().awsKey(),
                                "requests",
                                Instant.parse("2026-03-10T10:00:00Z"),
                                99,
                                List.of())));
        harness.simulator.state().cancel(cancelled.agreement().id());
        harness.simulator.state().completeCancel(cancelled.agreement().id());
        harness.ingest.ingest(List.of(
                UsageInput.of("a", kept.customer().customerId(), "requests", 5, "2026-03-10T10:01:00Z"),
                UsageInput.of("b", cancelled.customer().customerId(), "requests", 7, "2026-03-10T10:01:00Z")));

        harness.clock.advance(Duration.ofHours(1));
        harness.drain();
        harness.clock.advance(Duration.ofHours(1));
        harness.drain();

        assertThat(states()).containsExactly("duplicate_record", "customer_not_subscribed");
        assertThat(calls()).hasSize(2); // the pre-billing call and ours: no blind retry
        assertThat(harness.jdbc
                        .sql("SELECT type FROM outbox_event ORDER BY sequence")
                        .query(String.class)
                        .list())
                .containsExactly("metering.record.rejected", "metering.record.rejected");
        assertThat(harness.jdbc
                        .sql("SELECT reason FROM metering_record ORDER BY id")
                        .query(String.class)
                        .list())
                .satisfiesExactly(r -> assertThat(r).startsWith("DuplicateRecord"), r -> assertThat(r)
                        .startsWith("CustomerNotSubscribed"));
        var report = harness.reconciliation.report(START.minus(Duration.ofHours(2)), START.plus(Duration.ofHours(3)));
        assertThat(report.balanced()).isTrue();
        assertThat(report.total().rejected()).isEqualTo(12);
    }

    @Test
    void anInvalidRecordInABatchOf25IsParkedAndTheOther24AreBilled() {
        Product product = MeteringHarness.product("app", IdentityMode.LICENSE, "requests", "ghost");
        open(START, product, p -> p);
        harness.listInSimulator(product, "requests"); // AWS does not know the "ghost" dimension
        List<UsageInput> inputs = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            var buyer = harness.subscribe(product, String.format("5000000000%02d", i));
            inputs.add(UsageInput.of(
                    "u" + i, buyer.customer().customerId(), i == 17 ? "ghost" : "requests", 3, "2026-03-10T10:05:00Z"));
        }
        harness.ingest.ingest(inputs);
        harness.clock.advance(Duration.ofHours(1));
        harness.drain();

        assertThat(harness.ledger()).hasSize(24);
        assertThat(harness.billed()).isEqualTo(72);
        assertThat(harness.jdbc
                        .sql("SELECT dimension || ' ' || reason FROM metering_record WHERE state = 'parked'")
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .startsWith("ghost InvalidUsageDimensionException");
    }

    @Test
    void aBatchNearOneMegabyteIsSplitBySize() {
        Product product = MeteringHarness.product("app", IdentityMode.LICENSE, "requests");
        open(START, product, p -> p);
        List<UsageInput> inputs = new ArrayList<>();
        String padding = "x".repeat(90);
        for (int c = 0; c < 10; c++) {
            var buyer = harness.subscribe(product, String.format("6000000000%02d", c));
            for (int a = 0; a < 400; a++) {
                inputs.add(UsageInput.of(
                                "c" + c + "a" + a, buyer.customer().customerId(), "requests", 2, "2026-03-10T10:05:00Z")
                        .withAllocations(List.of(new UsageInput.Allocation(
                                Map.of("project", "p" + a + padding, "team", "t" + c + padding), BigDecimal.TWO))));
            }
        }
        assertThat(harness.ingest.ingest(inputs))
                .extracting(UsageOutcome::status)
                .containsOnly(Status.ACCEPTED);
        harness.clock.advance(Duration.ofHours(1));
        harness.drain();

        assertThat(calls()).hasSizeGreaterThan(1).allMatch(call -> call.httpStatus() == 200);
        assertThat(harness.ledger()).hasSize(10).allMatch(e -> e.allocations().size() == 400 && e.quantity() == 800);
    }

    @Test
    void thirtyPercentThrottlingAndTwentyPercentUnprocessedStillBillExactly() {
        Product product = MeteringHarness.product("app", IdentityMode.LICENSE, "requests", "storage");
        open(START, product, p -> p);
        harness.simulator.faults().put("BatchMeterUsage", new FaultSpec(30, 0, 0, 0, false, 0, 20, false));
        List<UsageInput> inputs = new ArrayList<>();
        long expected = 0;
        for (int c = 0; c < 40; c++) {
            var buyer = harness.subscribe(product, String.format("7000000000%02d", c));
            for (String dimension : List.of("requests", "storage")) {
                inputs.add(UsageInput.of(
                        c + dimension, buyer.customer().customerId(), dimension, c + 1, "2026-03-10T10:05:00Z"));
                expected += c + 1;
            }
        }
        harness.ingest.ingest(inputs);
        harness.clock.advance(Duration.ofHours(1));
        harness.drain();

        assertThat(calls()).anyMatch(call -> "ThrottlingException".equals(call.errorType()));
        assertThat(calls()).anyMatch(call -> call.unprocessedRecords() > 0);
        assertThat(calls()).flatMap(RequestLogEntry::recordStatuses).doesNotContain("DuplicateRecord");
        assertThat(harness.ledger()).hasSize(80);
        assertThat(harness.billed()).isEqualTo(expected);
        assertThat(states()).containsOnly("success");
    }

    /** One closed hour of usage, and AWS answering every BatchMeterUsage with DisabledApiException. */
    private void usageOfAProductWhoseMeteringApiIsDisabled() {
        Product product = MeteringHarness.product("app", IdentityMode.LICENSE, "requests");
        open(START, product, p -> p);
        var buyer = harness.subscribe(product, "222233334444");
        harness.simulator.faults().put("BatchMeterUsage", new FaultSpec(0, 0, 0, 0, false, 0, 0, true));
        harness.ingest.ingest(
                List.of(UsageInput.of("a", buyer.customer().customerId(), "requests", 5, "2026-03-10T10:01:00Z")));
        harness.clock.advance(Duration.ofHours(1));
    }

    @Test
    void disabledApiPausesTheProductAndKeepsItsRecords() {
        usageOfAProductWhoseMeteringApiIsDisabled();

        harness.worker.runOnce();
        harness.worker.runOnce();

        assertThat(calls()).hasSize(1);
        assertThat(states()).containsExactly("frozen");
        assertThat(harness.count("SELECT count(*) FROM metering_pause")).isEqualTo(1);
    }

    @Test
    void liftingThePauseResumesSendingOnTheNextRoundAndOnlyThen() {
        usageOfAProductWhoseMeteringApiIsDisabled();
        harness.worker.runOnce();
        harness.simulator.faults().clear(); // the seller enabled the API again
        harness.worker.runOnce();
        assertThat(calls()).hasSize(1);
        assertThat(harness.metrics.gauge("marketgate.metering.paused")).isEqualTo(1);
        assertThat(harness.pauses.report().pauses())
                .extracting(MeteringPause::productId, MeteringPause::reason)
                .containsExactly(tuple("app", "DisabledApiException: The API is disabled in the Region."));

        assertThat(harness.pauses.lift("app").productId()).isEqualTo("app");
        harness.worker.runOnce();

        assertThat(calls()).hasSize(2);
        assertThat(states()).containsExactly("success");
        assertThat(harness.billed()).isEqualTo(5);
        assertThat(harness.metrics.gauge("marketgate.metering.paused")).isZero();
        assertThat(harness.pauses.report().pauses()).isEmpty();
    }

    @Test
    void aRecordIsSentUntilTheMonthEndCutoffAndExpiresAfterIt() {
        Product product = MeteringHarness.product("app", IdentityMode.LICENSE, "requests");
        open(Instant.parse("2026-03-31T22:20:00Z"), product, p -> p);
        var early = harness.subscribe(product, "222233334444");
        var late = harness.subscribe(product, "333344445555");
        harness.ingest.ingest(
                List.of(UsageInput.of("e", early.customer().customerId(), "requests", 5, "2026-03-31T22:10:00Z")));
        harness.clock.advance(Duration.ofMinutes(75)); // 23:35
        harness.ingest.ingest(
                List.of(UsageInput.of("l", late.customer().customerId(), "requests", 9, "2026-03-31T23:30:00Z")));
        harness.freezer.freezeClosedHours(); // 22:00 closes; 23:00 is still open

        harness.clock.advance(Duration.ofHours(6).plusMinutes(10)); // 2026-04-01T05:45, 5 min before the deadline
        harness.submitter.drain();
        assertThat(harness.ledger()).extracting(LedgerEntry::quantity).containsExactly(5L);
        harness.freezer.freezeClosedHours();
        harness.clock.advance(Duration.ofMinutes(10)); // 05:55: 23:00 of March missed 06:00 minus the margin
        harness.submitter.drain();

        assertThat(harness.ledger()).extracting(LedgerEntry::quantity).containsExactly(5L);
        assertThat(states()).containsExactly("success", "expired");
        assertThat(harness.jdbc
                        .sql("SELECT type FROM outbox_event ORDER BY sequence")
                        .query(String.class)
                        .list())
                .containsExactly("metering.record.accepted", "metering.record.expired");
    }

    @Test
    void zeroRecordsAreCreatedOnlyForClosedHoursOfSubscribedCustomers() {
        Product product = MeteringHarness.product("app", IdentityMode.LICENSE, "requests", "storage");
        open(START, product, zeroRecords(true));
        var buyer = harness.subscribe(product, "222233334444");
        harness.ingest.ingest(
                List.of(UsageInput.of("a", buyer.customer().customerId(), "requests", 5, "2026-03-10T10:01:00Z")));
        harness.drain();
        assertThat(harness.ledger()).as("10:00 is open at 10:20").isEmpty();

        harness.clock.advance(Duration.ofHours(1)); // 11:20
        harness.drain();

        assertThat(harness.ledger())
                .extracting(LedgerEntry::hour, LedgerEntry::dimension, LedgerEntry::quantity)
                .containsExactlyInAnyOrder(
                        tuple(Instant.parse("2026-03-10T10:00:00Z"), "requests", 5L),
                        tuple(Instant.parse("2026-03-10T10:00:00Z"), "storage", 0L));
    }

    @Test
    void aFinalFlushSendsTheOpenHourAtOnceAndLaterUsageIsUnbillable() {
        Product product = MeteringHarness.product("app", IdentityMode.LICENSE, "requests");
        open(START, product, p -> p);
        var buyer = harness.subscribe(product, "222233334444");
        MeteringCustomer customer = buyer.customer();
        harness.ingest.ingest(
                List.of(UsageInput.of("a", customer.customerId(), "requests", 5, "2026-03-10T10:01:00Z")));
        harness.customers.put(new MeteringCustomer(
                customer.customerId(),
                customer.productId(),
                customer.awsKey(),
                customer.usageFrom(),
                harness.clock.instant(),
                false));

        harness.freezer.flush(customer.customerId());
        harness.drain();
        assertThat(harness.ledger())
                .extracting(LedgerEntry::hour, LedgerEntry::quantity)
                .containsExactly(tuple(Instant.parse("2026-03-10T10:00:00Z"), 5L));

        harness.clock.advance(Duration.ofMinutes(10));
        List<UsageOutcome> later = harness.ingest.ingest(List.of(
                UsageInput.of("b", customer.customerId(), "requests", 2, "2026-03-10T10:10:00Z"),
                UsageInput.of("c", customer.customerId(), "requests", 2, "2026-03-10T10:25:00Z")));
        assertThat(later).extracting(UsageOutcome::status).containsExactly(Status.UNBILLABLE, Status.UNBILLABLE);
        var report = harness.reconciliation.report(START.minus(Duration.ofHours(1)), START.plus(Duration.ofHours(1)));
        assertThat(report.total().unbillable()).isEqualTo(4);
        assertThat(report.total().acceptedByAws()).isEqualTo(5);
    }

    @Test
    void eachIdentityModeBillsWithItsOwnKey() {
        Product legacy = MeteringHarness.product("legacy", IdentityMode.LEGACY, "requests");
        Product account = MeteringHarness.product("account", IdentityMode.ACCOUNT, "requests");
        Product license = MeteringHarness.product("license", IdentityMode.LICENSE, "requests");
        harness = new MeteringHarness(TestDatabase.sqlite(folder), START, List.of(legacy, account, license), p -> p);
        List<UsageInput> inputs = new ArrayList<>();
        for (Product product : List.of(legacy, account, license)) {
            var buyer = harness.subscribe(product, "222233334444");
            inputs.add(
                    UsageInput.of(product.id(), buyer.customer().customerId(), "requests", 4, "2026-03-10T10:01:00Z"));
        }
        assertThat(harness.ingest.ingest(inputs))
                .extracting(UsageOutcome::status)
                .containsOnly(Status.ACCEPTED);
        harness.clock.advance(Duration.ofHours(1));
        harness.drain();

        assertThat(harness.ledger())
                .extracting(LedgerEntry::productCode, LedgerEntry::keyedBy, e -> e.customerIdentifier() != null)
                .containsExactlyInAnyOrder(
                        tuple("legacy-code", "PRODUCT_CODE", true),
                        tuple("account-code", "PRODUCT_CODE", false),
                        tuple("license-code", "LICENSE_ARN", false));
        assertThat(harness.count("SELECT count(*) FROM product WHERE metering_region_first_used_at IS NOT NULL"))
                .as("each product's region and identity mode are locked before its first call")
                .isEqualTo(3);
    }

    @Test
    void aRecordFrozenUnderAnotherIdentityModeIsParkedNeverSentBothWays() {
        Product product = MeteringHarness.product("app", IdentityMode.LICENSE, "requests");
        open(START, product, p -> p);
        var buyer = harness.subscribe(product, "222233334444");
        harness.ingest.ingest(
                List.of(UsageInput.of("a", buyer.customer().customerId(), "requests", 5, "2026-03-10T10:01:00Z")));
        harness.jdbc.sql("UPDATE metering_record SET identity_mode = 'account'").update();
        harness.clock.advance(Duration.ofHours(1));
        harness.drain();

        assertThat(calls()).isEmpty();
        assertThat(states()).containsExactly("parked");
    }

    @Test
    void anAnswerLostAfterTheCallIsResentIdenticallyAndBilledOnce() {
        Product product = MeteringHarness.product("app", IdentityMode.LICENSE, "requests");
        boolean[] lost = {false};
        harness = new MeteringHarness(
                TestDatabase.sqlite(folder),
                START,
                List.of(product),
                p -> p,
                sender -> (p, records) -> {
                    var outcome = sender.send(p, records);
                    if (!lost[0]) {
                        lost[0] = true;
                        throw new IllegalStateException("connection reset after AWS processed the call");
                    }
                    return outcome;
                },
                io.marketgate.simulator.Simulator.builder().seed(7).port(0));
        var buyer = harness.subscribe(product, "222233334444");
        harness.ingest.ingest(
                List.of(UsageInput.of("a", buyer.customer().customerId(), "requests", 5, "2026-03-10T10:01:00Z")));
        harness.clock.advance(Duration.ofHours(1));
        harness.drain();

        assertThat(calls()).hasSize(2).allMatch(call -> call.recordStatuses().equals(List.of("Success")));
        assertThat(harness.ledger()).hasSize(1);
        assertThat(states()).containsExactly("success");
    }
}
