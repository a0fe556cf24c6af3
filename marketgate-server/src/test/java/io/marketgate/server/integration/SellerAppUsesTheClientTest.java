package io.marketgate.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.marketgate.client.Access;
import io.marketgate.client.MarketgateClient;
import io.marketgate.client.UsageEvent;
import io.marketgate.client.UsageReport;
import io.marketgate.client.UsageResult;
import io.marketgate.server.aws.AwsClients;
import io.marketgate.server.security.ApiKeys;
import io.marketgate.server.security.Scope;
import io.marketgate.server.security.web.BearerHttp;
import io.marketgate.webhooks.WebhookVerification;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code marketgate-client} used as a seller's application uses it, against the running server and the embedded
 * simulator: a buyer onboards, the subscription becomes active through the simulator's notifications on SQS,
 * access is checked, usage reported (and re-sent safely), and a webhook from Marketgate verified.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SellerAppUsesTheClientTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    AwsClients aws;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Clock clock;

    private BearerHttp http;
    private String admin;
    private SellerReceiver receiver;
    private String endpointId;

    @BeforeEach
    void setUp() throws Exception {
        http = new BearerHttp(port);
        admin = apiKeys.issue("e2e-operator", Set.of(Scope.ADMIN)).key();
        receiver = new SellerReceiver();
    }

    @AfterEach
    void tearDown() {
        if (endpointId != null) {
            http.send("DELETE", "/v1/webhooks/" + endpointId, admin, null);
        }
        receiver.close();
    }

    @Test
    void theSellersAppChecksAccessReportsUsageOnceAndVerifiesWebhooks() {
        String appKey = create(
                        "/v1/api-keys", "{\"name\":\"seller-app\",\"scopes\":[\"usage:write\",\"customers:read\"]}")
                .path("key")
                .asString();
        JsonNode endpoint =
                create("/v1/webhooks", "{\"url\":\"" + receiver.url() + "\",\"events\":[\"customer.registered\"]}");
        endpointId = endpoint.path("id").asString();
        MarketgateClient client = MarketgateClient.builder(URI.create("http://127.0.0.1:" + port), appKey)
                .webhookSecret(endpoint.path("secret").asString())
                .clock(clock) // the simulated world's time: in the demo the server's clock follows the simulator's
                .build();

        SimulatedBuyer buyer = new SimulatedBuyer(aws.endpoints().marketplace().orElseThrow(), port);
        SimulatedBuyer.Subscription subscription = buyer.subscribe();
        String customerId = buyer.register(subscription.token(), "Client Buyer Ltd", "client.buyer@outlook.com");

        await().atMost(PATIENCE).until(() -> {
            client.invalidateAccess(customerId); // as the app does on a subscription.changed webhook
            return client.access(customerId).allowed();
        });
        Access access = client.access(customerId);
        assertThat(access.state()).isEqualTo("active");
        assertThat(client.access(subscription.licenseArn()).allowed())
                .as("the LicenseArn names the same customer")
                .isTrue();

        Instant now = clock.instant();
        String run = UUID.randomUUID().toString();
        List<UsageEvent> events = List.of(
                new UsageEvent(run + "-1", customerId, "requests", 3, now),
                new UsageEvent(run + "-2", customerId, "requests", 4, now));
        UsageReport first = client.reportUsage(events);
        assertThat(first.results())
                .extracting(UsageResult::id, UsageResult::status)
                .containsExactly(
                        tuple(run + "-1", UsageResult.Status.ACCEPTED), tuple(run + "-2", UsageResult.Status.ACCEPTED));
        UsageReport again = client.reportUsage(events);
        assertThat(again.results()).extracting(UsageResult::status).containsOnly(UsageResult.Status.DUPLICATE);
        assertThat(again.allStored()).isTrue();

        await().atMost(PATIENCE).until(() -> !receiver.mentioning(customerId).isEmpty());
        SellerReceiver.Received webhook = receiver.mentioning(customerId).getFirst();
        WebhookVerification verification = client.verifyWebhook(webhook.headers(), webhook.body());
        assertThat(verification).as(verification.toString()).isInstanceOf(WebhookVerification.Verified.class);
        assertThat(((WebhookVerification.Verified) verification).webhookId()).isEqualTo(webhook.header("webhook-id"));
        byte[] tampered = webhook.text()
                .replace("customer.registered", "customer.deleted")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(client.verifyWebhook(webhook.headers(), tampered).isVerified())
                .isFalse();
    }

    private JsonNode create(String path, String body) {
        HttpResponse<String> created = http.send("POST", path, admin, body);
        assertThat(created.statusCode()).as(path + ": " + created.body()).isEqualTo(201);
        return JSON.readTree(created.body());
    }
}
