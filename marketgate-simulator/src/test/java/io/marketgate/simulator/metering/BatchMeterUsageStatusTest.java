package io.marketgate.simulator.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.simulator.AwsClients;
import io.marketgate.simulator.MarketplaceFixtures;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.Buyer;
import io.marketgate.simulator.state.IdentityMode;
import io.marketgate.simulator.state.SimState;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.BatchMeterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecord;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecordResult;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecordResultStatus;

class BatchMeterUsageStatusTest {

    static Simulator sim;
    static MarketplaceMeteringClient metering;
    static final Instant HOUR = MarketplaceFixtures.NOW.truncatedTo(ChronoUnit.HOURS);

    @BeforeAll
    static void start() {
        sim = MarketplaceFixtures.simulator(202)
                .meteringRequestsPerSecond(0)
                .build()
                .start();
        metering = AwsClients.metering(sim);
        MarketplaceFixtures.product(sim.state(), "legacyprod", IdentityMode.LEGACY);
        MarketplaceFixtures.product(sim.state(), "accountprod", IdentityMode.ACCOUNT);
    }

    @AfterAll
    static void stop() {
        metering.close();
        sim.close();
    }

    @AfterEach
    void resetClock() {
        sim.clock().reset();
    }

    @Test
    void legacyRecordIsSuccessAndBilledOnce() {
        MarketplaceFixtures.subscribe(sim.state(), "legacyprod", "220000000001");
        Buyer buyer = sim.state().buyer("220000000001");
        UsageRecord record = legacy(buyer.customerIdentifier(), 7);

        UsageRecordResult result = meter("legacyprod", record);

        assertThat(result.status()).isEqualTo(UsageRecordResultStatus.SUCCESS);
        assertThat(result.meteringRecordId()).isNotBlank();
        assertThat(result.usageRecord()).isEqualTo(record);
        assertThat(sim.ledger().entries(LedgerQuery.ALL.withCustomer(buyer.customerIdentifier())))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.quantity()).isEqualTo(7);
                    assertThat(entry.hour()).isEqualTo(HOUR);
                    assertThat(entry.customerAwsAccountId()).isEqualTo("220000000001");
                    assertThat(entry.region()).isEqualTo("us-east-1");
                    assertThat(entry.callingAccountId()).isEqualTo(MarketplaceFixtures.SELLER);
                });
    }

    @Test
    void identicalResendIsSuccessWithTheFirstMeteringRecordIdAndNotBilledAgain() {
        MarketplaceFixtures.subscribe(sim.state(), "accountprod", "220000000002");

        UsageRecordResult first = meter("accountprod", account("220000000002", HOUR, 5));
        UsageRecordResult again = meter("accountprod", account("220000000002", HOUR.plusSeconds(600), 5));

        assertThat(again.status()).isEqualTo(UsageRecordResultStatus.SUCCESS);
        assertThat(again.meteringRecordId()).isEqualTo(first.meteringRecordId());
        assertThat(sim.ledger().total(LedgerQuery.ALL.withCustomer("220000000002")))
                .isEqualTo(5);
    }

    @Test
    void sameHourWithAnotherQuantityIsDuplicateRecordAndTheOriginalStands() {
        MarketplaceFixtures.subscribe(sim.state(), "accountprod", "220000000003");

        meter("accountprod", account("220000000003", HOUR, 5));
        UsageRecordResult changed = meter("accountprod", account("220000000003", HOUR, 6));

        assertThat(changed.status()).isEqualTo(UsageRecordResultStatus.DUPLICATE_RECORD);
        assertThat(sim.ledger().total(LedgerQuery.ALL.withCustomer("220000000003")))
                .isEqualTo(5);
    }

    @Test
    void unknownBuyerIsCustomerNotSubscribed() {
        assertThat(meter("accountprod", account("229999999999", HOUR, 1)).status())
                .isEqualTo(UsageRecordResultStatus.CUSTOMER_NOT_SUBSCRIBED);
    }

    @Test
    void pendingAgreementIsCustomerNotSubscribedUntilSubscribeSuccess() {
        SimState.Subscription pending =
                MarketplaceFixtures.subscribePending(sim.state(), "accountprod", "220000000004");

        assertThat(meter("accountprod", account("220000000004", HOUR, 1)).status())
                .isEqualTo(UsageRecordResultStatus.CUSTOMER_NOT_SUBSCRIBED);
        sim.state().succeed(pending.agreement().id());
        assertThat(meter("accountprod", account("220000000004", HOUR, 1)).status())
                .isEqualTo(UsageRecordResultStatus.SUCCESS);
    }

    @Test
    void cancelledBuyerIsMeteredDuringTheGraceAndNotSubscribedAfterIt() {
        SimState.Subscription subscription = MarketplaceFixtures.subscribe(sim.state(), "accountprod", "220000000005");
        sim.state().cancel(subscription.agreement().id());

        assertThat(meter("accountprod", account("220000000005", HOUR, 2)).status())
                .isEqualTo(UsageRecordResultStatus.SUCCESS);
        sim.clock().advance(Duration.ofHours(1));
        assertThat(meter("accountprod", account("220000000005", HOUR.plus(Duration.ofHours(1)), 2))
                        .status())
                .isEqualTo(UsageRecordResultStatus.CUSTOMER_NOT_SUBSCRIBED);
    }

    @Test
    void suspendedBuyerIsCustomerNotSubscribed() {
        MarketplaceFixtures.subscribe(sim.state(), "accountprod", "220000000006");
        sim.state().setSuspended("220000000006", true);

        assertThat(meter("accountprod", account("220000000006", HOUR, 1)).status())
                .isEqualTo(UsageRecordResultStatus.CUSTOMER_NOT_SUBSCRIBED);
        assertThat(sim.ledger().entries(LedgerQuery.ALL.withCustomer("220000000006")))
                .isEmpty();
    }

    @Test
    void buyerSubscribedToAnotherProductIsCustomerNotSubscribedForThisOne() {
        MarketplaceFixtures.subscribe(sim.state(), "accountprod", "220000000007");
        Buyer buyer = sim.state().buyer("220000000007");

        assertThat(meter("legacyprod", legacy(buyer.customerIdentifier(), 1)).status())
                .isEqualTo(UsageRecordResultStatus.CUSTOMER_NOT_SUBSCRIBED);
    }

    @Test
    void eachRecordOfABatchGetsItsOwnStatusInOrder() {
        MarketplaceFixtures.subscribe(sim.state(), "accountprod", "220000000008");

        BatchMeterUsageResponse response = metering.batchMeterUsage(r -> r.productCode("accountprod")
                .usageRecords(
                        account("220000000008", HOUR, 3),
                        account("229999999998", HOUR, 3),
                        account("220000000008", HOUR, 4)));

        assertThat(response.results())
                .extracting(UsageRecordResult::status)
                .containsExactly(
                        UsageRecordResultStatus.SUCCESS,
                        UsageRecordResultStatus.CUSTOMER_NOT_SUBSCRIBED,
                        UsageRecordResultStatus.DUPLICATE_RECORD);
        assertThat(response.unprocessedRecords()).isEmpty();
    }

    private static UsageRecordResult meter(String productCode, UsageRecord record) {
        BatchMeterUsageResponse response =
                metering.batchMeterUsage(r -> r.productCode(productCode).usageRecords(record));
        assertThat(response.results()).hasSize(1);
        return response.results().getFirst();
    }

    static UsageRecord legacy(String customerIdentifier, int quantity) {
        return UsageRecord.builder()
                .customerIdentifier(customerIdentifier)
                .dimension("users")
                .quantity(quantity)
                .timestamp(HOUR)
                .build();
    }

    static UsageRecord account(String accountId, Instant timestamp, int quantity) {
        return UsageRecord.builder()
                .customerAWSAccountId(accountId)
                .dimension("users")
                .quantity(quantity)
                .timestamp(timestamp)
                .build();
    }
}
