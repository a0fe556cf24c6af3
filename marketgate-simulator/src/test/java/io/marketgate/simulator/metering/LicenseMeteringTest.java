package io.marketgate.simulator.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.simulator.AwsClients;
import io.marketgate.simulator.MarketplaceFixtures;
import io.marketgate.simulator.RawAwsJson;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.IdentityMode;
import io.marketgate.simulator.state.SimState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecord;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** LicenseArn-keyed metering (Concurrent Agreements), sent as raw signed awsJson: the pinned SDK lacks LicenseArn. */
class LicenseMeteringTest {

    static Simulator sim;
    static final Instant HOUR = MarketplaceFixtures.NOW.truncatedTo(ChronoUnit.HOURS);
    static final String BUYER = "250000000001";
    static SimState.Subscription subscription;

    @BeforeAll
    static void start() {
        sim = MarketplaceFixtures.simulator(505)
                .meteringRequestsPerSecond(0)
                .build()
                .start();
        MarketplaceFixtures.product(sim.state(), "licenseprod", IdentityMode.LICENSE);
        subscription = MarketplaceFixtures.subscribe(sim.state(), "licenseprod", BUYER);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void clearLedger() {
        sim.ledger().clear();
    }

    @Test
    void licenseRecordWithoutProductCodeIsSuccessAndKeyedByLicense() throws Exception {
        RawAwsJson.Response response = RawAwsJson.marketplace(sim)
                .metering(
                        "BatchMeterUsage",
                        request(null, licenseRecord(subscription.agreement().licenseArn(), 4)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().at("/Results/0/Status").asString()).isEqualTo("Success");
        assertThat(response.body().at("/Results/0/UsageRecord/LicenseArn").asString())
                .isEqualTo(subscription.agreement().licenseArn());
        assertThat(sim.ledger().entries()).singleElement().satisfies(entry -> {
            assertThat(entry.keyedBy()).isEqualTo("LICENSE_ARN");
            assertThat(entry.productCode()).isEqualTo("licenseprod");
            assertThat(entry.licenseArn()).isEqualTo(subscription.agreement().licenseArn());
        });
    }

    @Test
    void productCodeAndLicenseArnRecordsForTheSameBuyerAndHourAreBothBilled() throws Exception {
        try (MarketplaceMeteringClient metering = AwsClients.metering(sim)) {
            metering.batchMeterUsage(r -> r.productCode("licenseprod")
                    .usageRecords(UsageRecord.builder()
                            .customerAWSAccountId(BUYER)
                            .dimension("users")
                            .quantity(4)
                            .timestamp(HOUR)
                            .build()));
        }
        RawAwsJson.marketplace(sim)
                .metering(
                        "BatchMeterUsage",
                        request(null, licenseRecord(subscription.agreement().licenseArn(), 4)));

        // AWS's documented hazard: the two keys never dedupe against each other, so the buyer pays twice.
        assertThat(sim.ledger().entries(LedgerQuery.ALL.withCustomer(BUYER)))
                .extracting(LedgerEntry::keyedBy)
                .containsExactly("PRODUCT_CODE", "LICENSE_ARN");
        assertThat(sim.ledger().total(LedgerQuery.ALL.withProductCode("licenseprod")))
                .isEqualTo(8);
    }

    @Test
    void dedupeIsPerRegion() throws Exception {
        ObjectNode body = request(null, licenseRecord(subscription.agreement().licenseArn(), 2));
        RawAwsJson.marketplace(sim).metering("BatchMeterUsage", body);
        new RawAwsJson(sim.endpoint(), "AKIDEXAMPLE", "eu-west-1", "aws-marketplace").metering("BatchMeterUsage", body);
        RawAwsJson.marketplace(sim).metering("BatchMeterUsage", body);

        assertThat(sim.ledger().entries()).extracting(LedgerEntry::region).containsExactly("us-east-1", "eu-west-1");
    }

    @Test
    void licenseOfAnotherBuyerOrUnknownLicenseIsInvalidLicense() throws Exception {
        ObjectNode wrongBuyer =
                licenseRecord(subscription.agreement().licenseArn(), 1).put("CustomerAWSAccountId", "259999999999");
        ObjectNode unknown =
                licenseRecord("arn:aws:license-manager:us-east-1:250000000001:l-00000000000000000000000000000000", 1);

        for (ObjectNode record : new ObjectNode[] {wrongBuyer, unknown}) {
            RawAwsJson.Response response =
                    RawAwsJson.marketplace(sim).metering("BatchMeterUsage", request(null, record));
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.errorType()).isEqualTo("InvalidLicenseException");
        }
        assertThat(sim.ledger().entries()).isEmpty();
    }

    @Test
    void malformedLicenseArnIsAValidationException() throws Exception {
        RawAwsJson.Response response =
                RawAwsJson.marketplace(sim).metering("BatchMeterUsage", request(null, licenseRecord("license-123", 1)));

        assertThat(response.errorType()).isEqualTo("ValidationException");
        assertThat(response.message()).contains("at 'usageRecords.1.member.licenseArn' failed to satisfy constraint");
    }

    @Test
    void recordWithoutLicenseArnNeedsTheRequestProductCode() throws Exception {
        ObjectNode record = licenseRecord(subscription.agreement().licenseArn(), 1);
        record.remove("LicenseArn");

        RawAwsJson.Response response = RawAwsJson.marketplace(sim).metering("BatchMeterUsage", request(null, record));

        assertThat(response.errorType()).isEqualTo("InvalidProductCodeException");
    }

    @Test
    void integerTimestampsAsTheCliSendsThemAreAccepted() throws Exception {
        ObjectNode record =
                licenseRecord(subscription.agreement().licenseArn(), 1).put("Timestamp", HOUR.getEpochSecond());

        RawAwsJson.Response response = RawAwsJson.marketplace(sim).metering("BatchMeterUsage", request(null, record));

        assertThat(response.body().at("/Results/0/Status").asString()).isEqualTo("Success");
        assertThat(sim.ledger().entries()).singleElement().satisfies(e -> assertThat(e.hour())
                .isEqualTo(HOUR));
    }

    static ObjectNode request(String productCode, ObjectNode... records) {
        ObjectNode request = RawAwsJson.JSON.createObjectNode();
        if (productCode != null) {
            request.put("ProductCode", productCode);
        }
        ArrayNode array = request.putArray("UsageRecords");
        for (ObjectNode record : records) {
            array.add(record);
        }
        return request;
    }

    static ObjectNode licenseRecord(String licenseArn, int quantity) {
        return RawAwsJson.JSON
                .createObjectNode()
                .put("Timestamp", new java.math.BigDecimal(HOUR.getEpochSecond() + ".000"))
                .put("CustomerAWSAccountId", BUYER)
                .put("LicenseArn", licenseArn)
                .put("Dimension", "users")
                .put("Quantity", quantity);
    }
}
