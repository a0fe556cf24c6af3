package io.marketgate.simulator.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.simulator.MarketplaceFixtures;
import io.marketgate.simulator.RawAwsJson;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.IdentityMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile values are the caller's fault: a 400 naming the field, never a retryable 500. */
class HostileMeteringInputTest {

    private static Simulator sim;

    @BeforeAll
    static void start() {
        sim = MarketplaceFixtures.simulator(17)
                .meteringRequestsPerSecond(0)
                .build()
                .start();
        MarketplaceFixtures.product(sim.state(), "accountprod", IdentityMode.ACCOUNT);
        MarketplaceFixtures.subscribe(sim.state(), "accountprod", "230000000009");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e20", "-1e20", "1e18", "-31557014167219200", "9223372036854775807", "1e999999999"})
    void timestampNoDateCanHoldIsASerializationExceptionNamingTheField(String timestamp) throws Exception {
        RawAwsJson.Response response = batchMeterUsage("{\"ProductCode\": \"accountprod\", \"UsageRecords\": [{"
                + "\"Timestamp\": " + timestamp + ", \"CustomerIdentifier\": \"x\", \"Dimension\": \"users\","
                + " \"Quantity\": 1}]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("SerializationException");
        assertThat(response.message()).contains("usageRecords.1.member.timestamp");
        assertThat(sim.ledger().entries()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"UsageRecords\": [{\"Timestamp\": NaN}]}",
                "{\"UsageRecords\": [{\"Timestamp\": \"2026-03-15T10:00:00Z\"}]}",
                "{\"UsageRecords\": [{\"Timestamp\": 1773570000, \"Quantity\": 1e400}]}",
                "{\"UsageRecords\": [{\"Timestamp\": 1773570000, \"Quantity\": -99999999999999999999999}]}",
                "{\"UsageRecords\": [{\"Timestamp\": 1773570000, \"UsageAllocations\": [7]}]}",
                "{\"UsageRecords\": [{\"Timestamp\": 1773570000, \"UsageAllocations\": [{\"Tags\": [null]}]}]}",
                "{\"UsageRecords\": [null]}",
                "{\"UsageRecords\": {}}",
                "[]",
                "\"text\"",
                "",
                "{\"ProductCode\": 5}"
            })
    void malformedBatchMeterUsageBodyIsAClientError(String body) throws Exception {
        RawAwsJson.Response response = batchMeterUsage(body);

        assertThat(response.status()).as(response.message()).isEqualTo(400);
        assertThat(response.errorType()).isIn("SerializationException", "ValidationException");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "null", "{\"RegistrationToken\": 5}", "{\"RegistrationToken\": [\"t\"]}", "{"})
    void malformedResolveCustomerBodyIsAClientError(String body) throws Exception {
        RawAwsJson.Response response = RawAwsJson.marketplace(sim).send("AWSMPMeteringService.ResolveCustomer", body);

        assertThat(response.status()).as(response.message()).isEqualTo(400);
        assertThat(response.errorType()).isIn("SerializationException", "InvalidTokenException");
    }

    @Test
    void deeplyNestedJsonIsASerializationException() throws Exception {
        String body = "{\"RegistrationToken\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";

        RawAwsJson.Response response = RawAwsJson.marketplace(sim).send("AWSMPMeteringService.ResolveCustomer", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("SerializationException");
    }

    private static RawAwsJson.Response batchMeterUsage(String body) throws Exception {
        return RawAwsJson.marketplace(sim).send("AWSMPMeteringService.BatchMeterUsage", body);
    }
}
