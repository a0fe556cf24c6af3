package io.marketgate.simulator.metering;

import static io.marketgate.simulator.metering.BatchMeterUsageStatusTest.HOUR;
import static io.marketgate.simulator.metering.BatchMeterUsageStatusTest.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.simulator.AwsClients;
import io.marketgate.simulator.MarketplaceFixtures;
import io.marketgate.simulator.RawAwsJson;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.faults.FaultSpec;
import io.marketgate.simulator.state.IdentityMode;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.BatchMeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.DisabledApiException;
import software.amazon.awssdk.services.marketplacemetering.model.InternalServiceErrorException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidCustomerIdentifierException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidProductCodeException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidTagException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidUsageAllocationsException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidUsageDimensionException;
import software.amazon.awssdk.services.marketplacemetering.model.MarketplaceMeteringException;
import software.amazon.awssdk.services.marketplacemetering.model.Tag;
import software.amazon.awssdk.services.marketplacemetering.model.UsageAllocation;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecord;

/** Whole-call failures: the AWS error type and status, and nothing recorded from the batch. */
class BatchMeterUsageErrorsTest {

    static Simulator sim;
    static MarketplaceMeteringClient metering;
    static final String BUYER = "230000000001";

    @BeforeAll
    static void start() {
        sim = MarketplaceFixtures.simulator(303)
                .meteringRequestsPerSecond(0)
                .build()
                .start();
        metering = AwsClients.meteringWithoutRetries(sim, "AKIDEXAMPLE");
        MarketplaceFixtures.product(sim.state(), "accountprod", IdentityMode.ACCOUNT);
        MarketplaceFixtures.product(sim.state(), "licenseprod", IdentityMode.LICENSE);
        MarketplaceFixtures.subscribe(sim.state(), "accountprod", BUYER);
        MarketplaceFixtures.subscribe(sim.state(), "licenseprod", BUYER);
    }

    @AfterAll
    static void stop() {
        metering.close();
        sim.close();
    }

    @AfterEach
    void nothingWasRecorded() {
        assertThat(sim.ledger().entries()).isEmpty();
        sim.faults().clear();
    }

    @Test
    void unknownProductCodeIsInvalidProductCode() {
        assertFailsWhole(InvalidProductCodeException.class, r -> r.productCode("nosuchproduct")
                .usageRecords(valid()));
    }

    @Test
    void productOfAnotherSellerIsInvalidProductCode() {
        try (MarketplaceMeteringClient otherSeller =
                AwsClients.meteringWithoutRetries(sim, MarketplaceFixtures.OTHER_ACCOUNT)) {
            assertThatThrownBy(() -> otherSeller.batchMeterUsage(
                            r -> r.productCode("accountprod").usageRecords(valid())))
                    .isInstanceOf(InvalidProductCodeException.class)
                    .hasMessageContaining("not published by account " + MarketplaceFixtures.OTHER_ACCOUNT);
        }
    }

    @Test
    void unknownOrContractOnlyDimensionIsInvalidUsageDimension() {
        assertFailsWhole(InvalidUsageDimensionException.class, r -> r.productCode("accountprod")
                .usageRecords(
                        valid(), valid().toBuilder().dimension("gigabytes").build()));
        assertFailsWhole(InvalidUsageDimensionException.class, r -> r.productCode("accountprod")
                .usageRecords(valid().toBuilder().dimension("plan").build()));
    }

    @Test
    void unknownCustomerIdentifierIsInvalidCustomerIdentifier() {
        UsageRecord unknown = UsageRecord.builder()
                .customerIdentifier("NOSUCHCUSTOMER")
                .dimension("users")
                .quantity(1)
                .timestamp(HOUR)
                .build();
        assertFailsWhole(InvalidCustomerIdentifierException.class, r -> r.productCode("accountprod")
                .usageRecords(valid(), unknown));
    }

    @Test
    void customerIdentifierOnALicenseModeProductIsInvalidCustomerIdentifier() {
        String identifier = sim.state().buyer(BUYER).customerIdentifier();
        UsageRecord legacy = UsageRecord.builder()
                .customerIdentifier(identifier)
                .dimension("users")
                .quantity(1)
                .timestamp(HOUR)
                .build();
        assertFailsWhole(InvalidCustomerIdentifierException.class, r -> r.productCode("licenseprod")
                .usageRecords(legacy));
    }

    @Test
    void allocationsNotSummingToTheQuantityAreInvalidUsageAllocations() {
        UsageRecord record = valid().toBuilder()
                .quantity(10)
                .usageAllocations(allocation(4, "team", "a"), allocation(5, "team", "b"))
                .build();
        assertFailsWhole(InvalidUsageAllocationsException.class, r -> r.productCode("accountprod")
                .usageRecords(record));
    }

    @Test
    void twoAllocationsWithTheSameTagSetAreInvalidUsageAllocations() {
        UsageRecord record = valid().toBuilder()
                .quantity(10)
                .usageAllocations(allocation(4, "team", "a"), allocation(6, "team", "a"))
                .build();
        assertFailsWhole(InvalidUsageAllocationsException.class, r -> r.productCode("accountprod")
                .usageRecords(record));
    }

    @Test
    void sixTagsOrABadTagCharacterIsInvalidTag() {
        List<Tag> six = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> Tag.builder().key("k" + i).value("v").build())
                .toList();
        UsageRecord tooMany = valid().toBuilder()
                .quantity(3)
                .usageAllocations(UsageAllocation.builder()
                        .allocatedUsageQuantity(3)
                        .tags(six)
                        .build())
                .build();
        assertFailsWhole(
                InvalidTagException.class, r -> r.productCode("accountprod").usageRecords(tooMany));
        UsageRecord badKey = valid().toBuilder()
                .quantity(3)
                .usageAllocations(allocation(3, "team#1", "a"))
                .build();
        assertFailsWhole(
                InvalidTagException.class, r -> r.productCode("accountprod").usageRecords(badKey));
    }

    @Test
    void taggedAndUntaggedAllocationsSummingToTheQuantityAreAccepted() {
        UsageRecord record = valid().toBuilder()
                .quantity(10)
                .usageAllocations(
                        allocation(4, "team", "a"),
                        UsageAllocation.builder().allocatedUsageQuantity(6).build())
                .build();
        assertThat(metering.batchMeterUsage(r -> r.productCode("accountprod").usageRecords(record))
                        .results())
                .singleElement()
                .satisfies(result -> assertThat(result.statusAsString()).isEqualTo("Success"));
        assertThat(sim.ledger().entries()).singleElement().satisfies(entry -> assertThat(entry.allocations())
                .hasSize(2));
        sim.ledger().clear();
    }

    @Test
    void modelViolationsAreValidationExceptionsNamingTheField() {
        UsageRecord negative = valid().toBuilder().quantity(-1).build();
        UsageRecord badAccount =
                valid().toBuilder().customerAWSAccountId("12ab").build();
        AwsServiceException error =
                assertFailsWhole(MarketplaceMeteringException.class, r -> r.productCode("accountprod")
                        .usageRecords(negative, badAccount));
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(error.awsErrorDetails().errorMessage())
                .startsWith("2 validation errors detected: ")
                .contains("Value '-1' at 'usageRecords.1.member.quantity' failed to satisfy constraint:"
                        + " Member must have value greater than or equal to 0")
                .contains("at 'usageRecords.2.member.customerAWSAccountId' failed to satisfy constraint");
    }

    @Test
    void moreThanTwentyFiveRecordsIsAValidationException() {
        List<UsageRecord> records = Collections.nCopies(26, valid());
        AwsServiceException error =
                assertFailsWhole(MarketplaceMeteringException.class, r -> r.productCode("accountprod")
                        .usageRecords(records));
        assertThat(error.awsErrorDetails().errorMessage())
                .contains("'usageRecords'")
                .contains("Member must have length less than or equal to 25");
    }

    @Test
    void customerIdentifierAndAccountIdTogetherAreAValidationException() {
        UsageRecord both = valid().toBuilder().customerIdentifier("X").build();
        AwsServiceException error =
                assertFailsWhole(MarketplaceMeteringException.class, r -> r.productCode("accountprod")
                        .usageRecords(both));
        assertThat(error.awsErrorDetails().errorMessage()).contains("mutually exclusive");
    }

    @Test
    void oversizedRequestIsRejectedBeforeParsing() throws Exception {
        String body =
                "{\"ProductCode\":\"accountprod\",\"UsageRecords\":[],\"Padding\":\"" + "x".repeat(1024 * 1024) + "\"}";
        RawAwsJson.Response response = RawAwsJson.marketplace(sim).send("AWSMPMeteringService.BatchMeterUsage", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("ValidationException");
        assertThat(response.message()).contains("less than 1 MB");
    }

    @Test
    void disabledApiIsDisabledApiException() {
        sim.faults().put("BatchMeterUsage", new FaultSpec(0, 0, 0, 0, false, 0, 0, true));
        assertFailsWhole(
                DisabledApiException.class, r -> r.productCode("accountprod").usageRecords(valid()));
    }

    @Test
    void internalErrorIsInternalServiceErrorWithStatus500() {
        sim.faults().put("BatchMeterUsage", new FaultSpec(0, 100, 0, 0, false, 0, 0, false));
        AwsServiceException error =
                assertFailsWhole(InternalServiceErrorException.class, r -> r.productCode("accountprod")
                        .usageRecords(valid()));
        assertThat(error.statusCode()).isEqualTo(500);
    }

    private static <T extends AwsServiceException> T assertFailsWhole(
            Class<T> type, Consumer<BatchMeterUsageRequest.Builder> request) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> metering.batchMeterUsage(request));
        assertThat(thrown).isInstanceOf(type);
        T error = type.cast(thrown);
        if (!(error instanceof InternalServiceErrorException)) {
            assertThat(error.statusCode()).isEqualTo(400);
        }
        assertThat(sim.ledger().entries()).isEmpty();
        return error;
    }

    private static UsageRecord valid() {
        return account(BUYER, HOUR, 1);
    }

    private static UsageAllocation allocation(int quantity, String key, String value) {
        return UsageAllocation.builder()
                .allocatedUsageQuantity(quantity)
                .tags(Tag.builder().key(key).value(value).build())
                .build();
    }
}
