package io.marketgate.server.aws.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.aws.AwsClients;
import io.marketgate.server.aws.AwsCustomerKey;
import io.marketgate.server.aws.AwsEndpoints;
import io.marketgate.server.aws.MeterRecord;
import io.marketgate.server.aws.Resolution;
import io.marketgate.server.product.Dimension;
import io.marketgate.server.product.DimensionType;
import io.marketgate.server.product.IdentityMode;
import io.marketgate.server.product.Onboarding;
import io.marketgate.server.product.PricingModel;
import io.marketgate.server.product.Product;
import io.marketgate.server.product.Seller;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/** The SDK extension at the wire: what the pinned SDK drops is read, what it cannot send is sent. */
class WireJsonInterceptorTest {

    private static final String LICENSE =
            "arn:aws:license-manager::111122223333:license:l-0123456789abcdef0123456789abcdef";

    private WireFake fake;
    private AwsClients clients;

    @AfterEach
    void stop() {
        if (clients != null) {
            clients.close();
        }
        fake.close();
    }

    @Test
    void legacyProductReadsTheLicenseArnThatAwsSendsInEveryIdentityMode() {
        fake = WireFake.answering("{\"CustomerIdentifier\":\"cust-1\",\"CustomerAWSAccountId\":\"222233334444\","
                + "\"ProductCode\":\"acme-legacy\",\"LicenseArn\":\"" + LICENSE + "\"}");
        clients = clients();

        Resolution resolution = new SdkCustomerResolver(clients).resolve(product(IdentityMode.LEGACY), "token-1");

        assertThat(resolution).isEqualTo(new Resolution.Resolved("acme-legacy", "cust-1", "222233334444", LICENSE));
    }

    @Test
    void callsWithoutAWireViewAreSentAndReadAsTheSdkDoes() {
        fake = WireFake.answering("{\"CustomerIdentifier\":\"cust-1\",\"ProductCode\":\"acme-legacy\"}");
        clients = clients();

        var response =
                clients.metering(product(IdentityMode.LEGACY)).resolveCustomer(r -> r.registrationToken("token-1"));

        assertThat(response.customerIdentifier()).isEqualTo("cust-1");
        assertThat(fake.received()).singleElement().satisfies(r -> assertThat(r.body())
                .isEqualTo("{\"RegistrationToken\":\"token-1\"}"));
    }

    @Test
    void editedBodyIsSentWithItsOwnContentLengthAndExactTimestamps() {
        fake = WireFake.answering("{\"Results\":[],\"UnprocessedRecords\":[]}");
        clients = clients();
        MeterRecord record = new MeterRecord(
                new AwsCustomerKey(null, "222233334444", LICENSE),
                "users",
                Instant.parse("2026-11-30T10:00:00Z"),
                3,
                List.of());

        new SdkMeteringSender(clients).send(product(IdentityMode.LICENSE), List.of(record));

        assertThat(fake.received()).singleElement().satisfies(r -> {
            assertThat(r.target()).isEqualTo("AWSMPMeteringService.BatchMeterUsage");
            assertThat(r.body())
                    .contains("\"LicenseArn\":\"" + LICENSE + "\"")
                    .contains("\"Timestamp\":" + record.hour().getEpochSecond() + ".000")
                    .doesNotContain("ProductCode");
            assertThat(r.contentLength()).isEqualTo(Integer.toString(r.body().getBytes(StandardCharsets.UTF_8).length));
        });
    }

    private AwsClients clients() {
        return new AwsClients(
                new AwsEndpoints(Optional.of(fake.endpoint()), Optional.empty(), true),
                ApacheHttpClient.builder().build(),
                Duration.ofSeconds(5));
    }

    static Product product(IdentityMode mode) {
        return new Product(
                mode.value(),
                "acme-" + mode.value(),
                new Seller("acme", "111122223333", null, null, "us-east-1"),
                mode,
                PricingModel.SUBSCRIPTION,
                "us-east-1",
                List.of(new Dimension("users", "Users", DimensionType.METERED)),
                Onboarding.AUTOMATIC,
                null);
    }
}
