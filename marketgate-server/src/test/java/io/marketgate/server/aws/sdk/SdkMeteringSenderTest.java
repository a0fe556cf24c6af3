package io.marketgate.server.aws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.server.aws.AwsCustomerKey;
import io.marketgate.server.aws.BatchOutcome;
import io.marketgate.server.aws.BatchOutcome.Status;
import io.marketgate.server.aws.MeterRecord;
import io.marketgate.server.aws.RecordingProxy;
import io.marketgate.server.product.IdentityMode;
import io.marketgate.simulator.metering.LedgerEntry;
import io.marketgate.simulator.metering.UsageAllocation;
import io.marketgate.simulator.state.SimState;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** BatchMeterUsage through the real SDK against the simulator over HTTP, its ledger as the judge. */
class SdkMeteringSenderTest {

    private static final String BUYER = "222233334444";

    private SimulatedMarketplace market;

    @AfterEach
    void stop() {
        if (market != null) {
            market.close();
        }
    }

    private BatchOutcome send(IdentityMode mode, MeterRecord... records) {
        return new SdkMeteringSender(market.clients()).send(market.product(mode), List.of(records));
    }

    private Instant hour() {
        return market.sim.clock().instant().truncatedTo(ChronoUnit.HOURS);
    }

    private MeterRecord record(SimState.Subscription subscription, String dimension, long quantity) {
        return new MeterRecord(market.key(subscription), dimension, hour(), quantity, List.of());
    }

    @ParameterizedTest
    @EnumSource(IdentityMode.class)
    void recordIsBilledKeyedAsTheIdentityModeSaysAtItsExactHour(IdentityMode mode) {
        market = SimulatedMarketplace.direct();
        SimState.Subscription subscription = market.subscribe(mode, BUYER);
        MeterRecord record = record(subscription, "users", 42);

        BatchOutcome outcome = send(mode, record);

        assertThat(outcome).isInstanceOfSatisfying(BatchOutcome.Answered.class, answered -> {
            assertThat(answered.unprocessed()).isEmpty();
            assertThat(answered.results()).singleElement().satisfies(result -> {
                assertThat(result.record()).isEqualTo(record);
                assertThat(result.status()).isEqualTo(Status.SUCCESS);
                assertThat(result.meteringRecordId()).isNotBlank();
            });
        });
        LedgerEntry entry = market.sim.ledger().entries().getFirst();
        assertThat(entry.timestamp()).isEqualTo(record.hour());
        assertThat(entry.quantity()).isEqualTo(42);
        assertThat(entry.customerAwsAccountId()).isEqualTo(BUYER);
        String body = market.proxy.calls().stream()
                .filter(c -> c.operation().equals("BatchMeterUsage"))
                .map(RecordingProxy.Call::body)
                .findFirst()
                .orElseThrow();
        switch (mode) {
            case LEGACY -> {
                assertThat(entry.customerIdentifier())
                        .isEqualTo(record.customer().customerIdentifier());
                assertThat(entry.keyedBy()).isEqualTo("PRODUCT_CODE");
                assertThat(body).contains("\"ProductCode\"").doesNotContain("CustomerAWSAccountId", "LicenseArn");
            }
            case ACCOUNT -> {
                assertThat(entry.customerIdentifier()).isNull();
                assertThat(entry.keyedBy()).isEqualTo("PRODUCT_CODE");
                assertThat(body).contains("\"ProductCode\"").doesNotContain("CustomerIdentifier", "LicenseArn");
            }
            case LICENSE -> {
                assertThat(entry.licenseArn())
                        .isEqualTo(subscription.agreement().licenseArn());
                assertThat(entry.keyedBy()).isEqualTo("LICENSE_ARN");
                assertThat(body).doesNotContain("ProductCode", "CustomerIdentifier");
            }
        }
        // The SDK's epoch seconds with milliseconds, kept exactly through the wire extension.
        assertThat(body).contains("\"Timestamp\":" + record.hour().getEpochSecond() + ".000");
    }

    @Test
    void allocationsWithTagsAndTheUntaggedRemainderAreBilled() {
        market = SimulatedMarketplace.direct();
        SimState.Subscription subscription = market.subscribe(IdentityMode.LICENSE, BUYER);
        MeterRecord record = new MeterRecord(
                market.key(subscription),
                "users",
                hour(),
                10,
                List.of(
                        new MeterRecord.Allocation(6, new TreeMap<>(Map.of("team", "red", "env", "prod"))),
                        new MeterRecord.Allocation(4, new TreeMap<>())));

        BatchOutcome outcome = send(IdentityMode.LICENSE, record);

        assertThat(outcome).isInstanceOfSatisfying(BatchOutcome.Answered.class, a -> assertThat(a.results())
                .extracting(BatchOutcome.RecordResult::status)
                .containsExactly(Status.SUCCESS));
        assertThat(market.sim.ledger().entries().getFirst().allocations())
                .containsExactly(
                        new UsageAllocation(
                                6,
                                List.of(
                                        new UsageAllocation.Tag("env", "prod"),
                                        new UsageAllocation.Tag("team", "red"))),
                        new UsageAllocation(4, null));
    }

    @Test
    void resultsAreMatchedToTheirRecordsAcrossTwoLicensesOfOneAccount() {
        market = SimulatedMarketplace.direct();
        SimState.Subscription active = market.subscribe(IdentityMode.LICENSE, BUYER);
        SimState.Subscription ended = market.subscribe(IdentityMode.LICENSE, BUYER);
        market.state().cancel(ended.agreement().id());
        market.state().completeCancel(ended.agreement().id());
        MeterRecord toEnded = record(ended, "users", 3);
        MeterRecord toActive = record(active, "users", 5);

        BatchOutcome outcome = send(IdentityMode.LICENSE, toEnded, toActive);

        assertThat(outcome).isInstanceOfSatisfying(BatchOutcome.Answered.class, a -> assertThat(a.results())
                .extracting(BatchOutcome.RecordResult::record, BatchOutcome.RecordResult::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(toEnded, Status.CUSTOMER_NOT_SUBSCRIBED),
                        org.assertj.core.groups.Tuple.tuple(toActive, Status.SUCCESS)));
    }

    @Test
    void sameHourWithAnotherQuantityIsADuplicateRecordAndTheFirstStands() {
        market = SimulatedMarketplace.direct();
        SimState.Subscription subscription = market.subscribe(IdentityMode.ACCOUNT, BUYER);
        send(IdentityMode.ACCOUNT, record(subscription, "users", 7));

        BatchOutcome outcome = send(IdentityMode.ACCOUNT, record(subscription, "users", 8));

        assertThat(outcome).isInstanceOfSatisfying(BatchOutcome.Answered.class, a -> assertThat(a.results())
                .extracting(BatchOutcome.RecordResult::status)
                .containsExactly(Status.DUPLICATE_RECORD));
        assertThat(market.sim.ledger().entries()).singleElement().satisfies(e -> assertThat(e.quantity())
                .isEqualTo(7));
    }

    @Test
    void identicalResendSucceedsWithoutBillingTwice() {
        market = SimulatedMarketplace.direct();
        SimState.Subscription subscription = market.subscribe(IdentityMode.LEGACY, BUYER);
        MeterRecord record = record(subscription, "users", 7);
        send(IdentityMode.LEGACY, record);

        BatchOutcome outcome = send(IdentityMode.LEGACY, record);

        assertThat(outcome).isInstanceOfSatisfying(BatchOutcome.Answered.class, a -> assertThat(a.results())
                .extracting(BatchOutcome.RecordResult::status)
                .containsExactly(Status.SUCCESS));
        assertThat(market.sim.ledger().entries()).hasSize(1);
    }

    @Test
    void unprocessedRecordsComeBackAsUnprocessedAndAreNotBilled() {
        market = SimulatedMarketplace.direct();
        SimState.Subscription subscription = market.subscribe(IdentityMode.LICENSE, BUYER);
        market.fault("BatchMeterUsage", "{\"unprocessedPercent\": 100}");
        MeterRecord users = record(subscription, "users", 1);

        BatchOutcome outcome = send(IdentityMode.LICENSE, users);

        assertThat(outcome).isEqualTo(new BatchOutcome.Answered(List.of(), List.of(users)));
        assertThat(market.sim.ledger().entries()).isEmpty();
    }

    @Test
    void throttlingIsRetryableAndTheSdkDoesNotRetryIt() {
        market = SimulatedMarketplace.direct();
        SimState.Subscription subscription = market.subscribe(IdentityMode.ACCOUNT, BUYER);
        market.fault("BatchMeterUsage", "{\"throttlePercent\": 100}");

        BatchOutcome outcome = send(IdentityMode.ACCOUNT, record(subscription, "users", 1));

        assertThat(outcome).isInstanceOfSatisfying(BatchOutcome.CallFailed.class, f -> {
            assertThat(f.failure()).isEqualTo(BatchOutcome.Failure.RETRYABLE);
            assertThat(f.errorCode()).isEqualTo("ThrottlingException");
        });
        assertThat(market.proxy.count("BatchMeterUsage")).isEqualTo(1);
    }

    @Test
    void internalErrorIsRetryableInOneCall() {
        market = SimulatedMarketplace.direct();
        SimState.Subscription subscription = market.subscribe(IdentityMode.ACCOUNT, BUYER);
        market.fault("BatchMeterUsage", "{\"errorPercent\": 100}");

        BatchOutcome outcome = send(IdentityMode.ACCOUNT, record(subscription, "users", 1));

        assertThat(outcome).isInstanceOfSatisfying(BatchOutcome.CallFailed.class, f -> assertThat(f.failure())
                .isEqualTo(BatchOutcome.Failure.RETRYABLE));
        assertThat(market.proxy.count("BatchMeterUsage")).isEqualTo(1);
    }

    @Test
    void lostAnswerIsRetryableAndItsUsageMayHaveBeenBilled() {
        market = SimulatedMarketplace.withApiCallTimeout(Duration.ofMillis(800));
        SimState.Subscription subscription = market.subscribe(IdentityMode.ACCOUNT, BUYER);
        market.fault(
                "BatchMeterUsage", "{\"timeoutPercent\": 100, \"timeoutMs\": 3000, \"timeoutAfterProcessing\": true}");

        BatchOutcome outcome = send(IdentityMode.ACCOUNT, record(subscription, "users", 1));

        assertThat(outcome).isInstanceOfSatisfying(BatchOutcome.CallFailed.class, f -> assertThat(f.failure())
                .isEqualTo(BatchOutcome.Failure.RETRYABLE));
        assertThat(market.sim.ledger().entries()).hasSize(1);
    }

    @Test
    void unknownDimensionRejectsTheWholeBatch() {
        market = SimulatedMarketplace.direct();
        SimState.Subscription subscription = market.subscribe(IdentityMode.ACCOUNT, BUYER);

        BatchOutcome outcome = send(
                IdentityMode.ACCOUNT, record(subscription, "users", 1), record(subscription, "no-such-dimension", 1));

        assertThat(outcome).isInstanceOfSatisfying(BatchOutcome.CallFailed.class, f -> {
            assertThat(f.failure()).isEqualTo(BatchOutcome.Failure.BATCH_REJECTED);
            assertThat(f.errorCode()).isEqualTo("InvalidUsageDimensionException");
        });
        assertThat(market.sim.ledger().entries()).isEmpty();
    }

    @Test
    void hourOutsideTheWindowRejectsTheWholeBatch() {
        market = SimulatedMarketplace.direct();
        SimState.Subscription subscription = market.subscribe(IdentityMode.ACCOUNT, BUYER);
        market.sim.clock().advance(Duration.ofDays(3));

        Instant twoDaysAgo =
                market.sim.clock().instant().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);

        BatchOutcome outcome = send(
                IdentityMode.ACCOUNT, new MeterRecord(market.key(subscription), "users", twoDaysAgo, 1, List.of()));

        assertThat(outcome).isInstanceOfSatisfying(BatchOutcome.CallFailed.class, f -> {
            assertThat(f.failure()).isEqualTo(BatchOutcome.Failure.BATCH_REJECTED);
            assertThat(f.errorCode()).isEqualTo("TimestampOutOfBoundsException");
        });
    }

    @Test
    void disabledApiDisablesTheProduct() {
        market = SimulatedMarketplace.direct();
        SimState.Subscription subscription = market.subscribe(IdentityMode.LICENSE, BUYER);
        market.fault("BatchMeterUsage", "{\"disabled\": true}");

        BatchOutcome outcome = send(IdentityMode.LICENSE, record(subscription, "users", 1));

        assertThat(outcome).isInstanceOfSatisfying(BatchOutcome.CallFailed.class, f -> assertThat(f.failure())
                .isEqualTo(BatchOutcome.Failure.DISABLED));
    }

    @Test
    void resellersSellerMetersThroughTheRoleAsThePublishingAccount() {
        market = SimulatedMarketplace.throughRole();
        SimState.Subscription subscription = market.subscribe(IdentityMode.LICENSE, BUYER);

        BatchOutcome outcome = send(IdentityMode.LICENSE, record(subscription, "users", 2));

        assertThat(outcome).isInstanceOfSatisfying(BatchOutcome.Answered.class, a -> assertThat(a.results())
                .extracting(BatchOutcome.RecordResult::status)
                .containsExactly(Status.SUCCESS));
        assertThat(market.sim.ledger().entries()).singleElement().satisfies(e -> assertThat(e.callingAccountId())
                .isEqualTo(SimulatedMarketplace.PUBLISHER));
    }

    @Test
    void recordsWithoutTheModesKeyAreRefusedBeforeAnyCall() {
        market = SimulatedMarketplace.direct();
        MeterRecord noLicense = new MeterRecord(new AwsCustomerKey(null, BUYER, null), "users", hour(), 1, List.of());

        assertThatThrownBy(() -> send(IdentityMode.LICENSE, noLicense))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LicenseArn");
        assertThat(market.proxy.count("BatchMeterUsage")).isZero();
    }
}
