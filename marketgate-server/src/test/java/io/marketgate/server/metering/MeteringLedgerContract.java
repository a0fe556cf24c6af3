package io.marketgate.server.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.metering.UsageOutcome.Status;
import io.marketgate.server.product.IdentityMode;
import io.marketgate.server.product.Product;
import io.marketgate.server.shared.jdbc.TestDatabase;
import io.marketgate.simulator.metering.LedgerEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ingest → records → freeze → BatchMeterUsage → results → reconciliation, on a real database and the simulator. */
abstract class MeteringLedgerContract {

    static final Instant START = Instant.parse("2026-03-10T10:20:00Z");

    protected abstract TestDatabase openDatabase();

    final Product product = MeteringHarness.product("app", IdentityMode.LICENSE, "requests", "storage");
    MeteringHarness harness;
    MeteringHarness.Subscribed buyer;

    @BeforeEach
    void start() {
        harness = new MeteringHarness(openDatabase(), START, List.of(product), p -> p);
        buyer = harness.subscribe(product, "222233334444");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private String customer() {
        return buyer.customer().customerId();
    }

    private List<UsageOutcome> send(UsageInput... inputs) {
        return harness.ingest.ingest(List.of(inputs));
    }

    private UsageInput usage(String id, long quantity, String timestamp) {
        return UsageInput.of(id, customer(), "requests", quantity, timestamp);
    }

    @Test
    void eachEventIsAnsweredInRequestOrderAndOneBadEventSinksNoOther() {
        List<UsageOutcome> first = send(
                usage("e1", 5, "2026-03-10T10:01:00Z"),
                UsageInput.of("e2", "nobody", "requests", 1, "2026-03-10T10:02:00Z"),
                UsageInput.of("e3", customer(), "unknown-dim", 1, "2026-03-10T10:02:00Z"),
                new UsageInput(
                        "e4", customer(), "requests", new BigDecimal("1.5"), "2026-03-10T10:02:00Z", List.of(), null),
                usage("e5", -1, "2026-03-10T10:02:00Z"),
                new UsageInput(
                        "e6",
                        customer(),
                        "requests",
                        new BigDecimal("2147483648"),
                        "2026-03-10T10:02:00Z",
                        List.of(),
                        null),
                usage("e7", 1, "2026-03-10T11:30:00Z"),
                usage("e8", 1, "2026-03-10T08:59:00Z"),
                usage("e9", 7, "2026-03-10T10:03:00Z"));

        assertThat(first)
                .extracting(UsageOutcome::id)
                .containsExactly("e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9");
        assertThat(first)
                .extracting(UsageOutcome::status)
                .containsExactly(
                        Status.ACCEPTED,
                        Status.REJECTED,
                        Status.REJECTED,
                        Status.REJECTED,
                        Status.REJECTED,
                        Status.REJECTED,
                        Status.REJECTED,
                        Status.REJECTED,
                        Status.ACCEPTED);
        assertThat(first.get(1).reason()).contains("customer");
        assertThat(first.get(2).reason()).contains("dimension");
        assertThat(first.get(3).reason()).contains("whole number");
        assertThat(first.get(4).reason()).contains("negative");
        assertThat(first.get(5).reason()).contains("2147483647");
        assertThat(first.get(6).reason()).contains("future");
        assertThat(first.get(7).reason()).contains("before the subscription");
        assertThat(harness.count("SELECT count(*) FROM usage_event")).isEqualTo(2);

        List<UsageOutcome> again = send(usage("e1", 5, "2026-03-10T10:01:00Z"), usage("e9", 8, "2026-03-10T10:03:00Z"));
        assertThat(again).extracting(UsageOutcome::status).containsExactly(Status.DUPLICATE, Status.CONFLICT);
        assertThat(harness.count("SELECT quantity FROM metering_record")).isEqualTo(12);
    }

    @Test
    void anIdRepeatedInsideOneRequestCountsOnce() {
        List<UsageOutcome> outcomes = send(
                usage("twice", 5, "2026-03-10T10:01:00Z"),
                usage("other", 1, "2026-03-10T10:01:00Z"),
                usage("twice", 5, "2026-03-10T10:01:00Z"),
                usage("twice", 6, "2026-03-10T10:01:00Z"));

        assertThat(outcomes)
                .extracting(UsageOutcome::status)
                .containsExactly(Status.ACCEPTED, Status.ACCEPTED, Status.DUPLICATE, Status.CONFLICT);
        assertThat(harness.count("SELECT count(*) FROM usage_event")).isEqualTo(2);
        assertThat(harness.count("SELECT quantity FROM metering_record")).isEqualTo(6);
    }

    @Test
    void anHourThatWouldExceedAwsLimitRefusesTheEventThatOverflowsIt() {
        List<UsageOutcome> outcomes = send(
                usage("big", 2_147_483_000L, "2026-03-10T10:01:00Z"),
                usage("small", 600, "2026-03-10T10:02:00Z"),
                usage("too-much", 100, "2026-03-10T10:03:00Z"));

        assertThat(outcomes)
                .extracting(UsageOutcome::status)
                .containsExactly(Status.ACCEPTED, Status.ACCEPTED, Status.REJECTED);
        assertThat(harness.count("SELECT quantity FROM metering_record")).isEqualTo(2_147_483_600L);
        assertThat(harness.count("SELECT count(*) FROM usage_event")).isEqualTo(2);
    }

    @Test
    void usageForAnHourOutsideAwsWindowIsStoredAsUnbillable() {
        harness.clock.advance(Duration.ofHours(30));
        harness.subscribe(product, "222233334444"); // keeps the simulator's agreement irrelevant here

        List<UsageOutcome> outcomes = send(usage("old", 3, "2026-03-10T10:05:00Z"));

        assertThat(outcomes.get(0).status()).isEqualTo(Status.UNBILLABLE);
        assertThat(harness.count("SELECT count(*) FROM usage_event WHERE status = 'unbillable'"))
                .isEqualTo(1);
        assertThat(harness.count("SELECT count(*) FROM metering_record")).isZero();
    }

    @Test
    void thirtyRecordsAreSentInBatchesOfAtMost25AndBilledExactly() {
        List<UsageInput> inputs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            MeteringHarness.Subscribed other = harness.subscribe(product, String.format("4000000000%02d", i));
            inputs.add(
                    UsageInput.of("u" + i, other.customer().customerId(), "requests", 10 + i, "2026-03-10T10:10:00Z"));
        }
        assertThat(harness.ingest.ingest(inputs))
                .extracting(UsageOutcome::status)
                .containsOnly(Status.ACCEPTED);

        harness.worker.runOnce();
        assertThat(harness.ledger()).as("the hour is still open").isEmpty();
        harness.clock.advance(Duration.ofMinutes(50)); // 11:10: past 11:00 + 5 min grace
        harness.drain();

        assertThat(harness.ledger()).hasSize(30);
        assertThat(harness.billed()).isEqualTo(30 * 10 + 29 * 30 / 2);
        assertThat(harness.ledger()).allMatch(e -> e.hour().equals(Instant.parse("2026-03-10T10:00:00Z")));
        assertThat(harness.simulator.metering().requestLog().entries("BatchMeterUsage"))
                .extracting(r -> r.recordStatuses().size())
                .as("two batches, sent by concurrent senders in either order")
                .containsExactlyInAnyOrder(25, 5);
        assertReconciliationBalances(30 * 10 + 29 * 30 / 2);
    }

    @Test
    void allocationTagsBecomeUsageAllocationsWithTheUntaggedRemainder() {
        UsageInput tagged = usage("t1", 10, "2026-03-10T10:01:00Z")
                .withAllocations(List.of(
                        new UsageInput.Allocation(Map.of("team", "red", "env", "prod"), BigDecimal.valueOf(6))));
        UsageInput sameTags = usage("t2", 4, "2026-03-10T10:02:00Z")
                .withAllocations(List.of(
                        new UsageInput.Allocation(Map.of("env", "prod", "team", "red"), BigDecimal.valueOf(4))));
        UsageInput badTag = usage("t3", 4, "2026-03-10T10:02:00Z")
                .withAllocations(List.of(new UsageInput.Allocation(
                        Map.of("a", "1", "b", "2", "c", "3", "d", "4", "e", "5", "f", "6"), BigDecimal.ONE)));
        UsageInput overSum = usage("t4", 4, "2026-03-10T10:02:00Z")
                .withAllocations(List.of(new UsageInput.Allocation(Map.of("a", "1"), BigDecimal.valueOf(5))));

        assertThat(send(tagged, sameTags, badTag, overSum))
                .extracting(UsageOutcome::status)
                .containsExactly(Status.ACCEPTED, Status.ACCEPTED, Status.REJECTED, Status.REJECTED);
        harness.clock.advance(Duration.ofHours(1));
        harness.drain();

        LedgerEntry entry = harness.ledger().get(0);
        assertThat(entry.quantity()).isEqualTo(14);
        assertThat(entry.allocations()).hasSize(2);
        assertThat(entry.allocations().toString())
                .contains("team")
                .contains("red")
                .contains("10");
    }

    @Test
    void aRecordHoldsAtMost2499TagSetsSoAwsNeverRefusesItsAllocations() {
        List<UsageInput.Allocation> many = new java.util.ArrayList<>();
        for (int i = 0; i < UsageIngest.MAX_TAG_SETS - 1; i++) {
            many.add(new UsageInput.Allocation(Map.of("team", "t" + i), BigDecimal.ONE));
        }
        UsageInput crowded = usage("crowd", many.size(), "2026-03-10T10:01:00Z").withAllocations(many);
        UsageInput last = usage("last", 1, "2026-03-10T10:02:00Z")
                .withAllocations(List.of(new UsageInput.Allocation(Map.of("team", "last"), BigDecimal.ONE)));
        UsageInput oneTooMany = usage("one-too-many", 1, "2026-03-10T10:03:00Z")
                .withAllocations(List.of(new UsageInput.Allocation(Map.of("team", "extra"), BigDecimal.ONE)));
        UsageInput knownTags = usage("known", 2, "2026-03-10T10:04:00Z")
                .withAllocations(List.of(new UsageInput.Allocation(Map.of("team", "t7"), BigDecimal.ONE)));

        assertThat(send(crowded)).extracting(UsageOutcome::status).containsExactly(Status.ACCEPTED);
        List<UsageOutcome> next = send(last, oneTooMany, knownTags);

        assertThat(next)
                .extracting(UsageOutcome::status)
                .containsExactly(Status.ACCEPTED, Status.REJECTED, Status.ACCEPTED);
        assertThat(next.get(1).reason()).contains("allocations").contains("2499 tag sets");
        assertThat(harness.count("SELECT count(*) FROM usage_event")).isEqualTo(3);
        harness.clock.advance(Duration.ofHours(1));
        harness.drain();
        LedgerEntry entry = harness.ledger().get(0);
        assertThat(entry.quantity()).isEqualTo(UsageIngest.MAX_TAG_SETS + 2L);
        assertThat(entry.allocations()).hasSize(UsageIngest.MAX_TAG_SETS + 1);
        assertReconciliationBalances(UsageIngest.MAX_TAG_SETS + 2L);
    }

    @Test
    void lateTaggedUsageForASentRecordFullOfTagSetsRollsForwardInsteadOfBeingRefused() {
        List<UsageInput.Allocation> many = new java.util.ArrayList<>();
        for (int i = 0; i < UsageIngest.MAX_TAG_SETS; i++) {
            many.add(new UsageInput.Allocation(Map.of("team", "t" + i), BigDecimal.ONE));
        }
        send(usage("full", many.size(), "2026-03-10T10:01:00Z").withAllocations(many));
        harness.clock.advance(Duration.ofHours(1)); // 11:20: the 10:00 record is sent
        harness.drain();

        List<UsageOutcome> late = send(usage("late", 1, "2026-03-10T10:30:00Z")
                .withAllocations(List.of(new UsageInput.Allocation(Map.of("team", "new"), BigDecimal.ONE))));

        assertThat(late.get(0).status()).isEqualTo(Status.ACCEPTED);
        assertThat(late.get(0).reason()).contains("billed in the hour 2026-03-10T11:00:00Z");
    }

    @Test
    void lateUsageForAnHourAlreadySentRollsForwardIntoTheCurrentHour() {
        send(usage("first", 5, "2026-03-10T10:01:00Z"));
        harness.clock.advance(Duration.ofHours(1)); // 11:20
        harness.drain();

        // One request adding to a sent hour and to an open one: only the first rolls forward.
        List<UsageOutcome> late =
                send(usage("late", 3, "2026-03-10T10:30:00Z"), usage("on-time", 2, "2026-03-10T11:05:00Z"));
        assertThat(late).extracting(UsageOutcome::status).containsExactly(Status.ACCEPTED, Status.ACCEPTED);
        assertThat(late.get(0).reason()).contains("2026-03-10T11:00:00Z");
        assertThat(late.get(1).reason()).isNull();
        harness.clock.advance(Duration.ofHours(1));
        harness.drain();

        assertThat(harness.ledger())
                .extracting(LedgerEntry::hour, LedgerEntry::quantity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-03-10T10:00:00Z"), 5L),
                        org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-03-10T11:00:00Z"), 5L));
        assertReconciliationBalances(10);
    }

    void assertReconciliationBalances(long expectedBilled) {
        Reconciliation.Report report = harness.reconciliation.report(
                START.minus(Duration.ofDays(1)), harness.clock.instant().plus(Duration.ofHours(2)));
        assertThat(report.balanced()).as("%s", report.lines()).isTrue();
        assertThat(report.total().acceptedByAws()).isEqualTo(expectedBilled);
        assertThat(report.total().accepted()).isEqualTo(expectedBilled);
        assertThat(harness.billed()).isEqualTo(expectedBilled);
    }
}
