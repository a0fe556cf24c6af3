package io.marketgate.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marketgate.server.aws.AwsClients;
import io.marketgate.server.security.ApiKeys;
import io.marketgate.server.security.Scope;
import io.marketgate.server.security.web.BearerHttp;
import io.marketgate.webhooks.WebhookSecret;
import io.marketgate.webhooks.WebhookVerification;
import io.marketgate.webhooks.WebhookVerifier;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seller's side of onboarding, end to end over HTTP: a webhook endpoint registered through the API, a buyer
 * subscribing on the embedded simulator and registering, a signed {@code customer.registered} message at the
 * seller's receiver that verifies with {@code marketgate-webhooks}, and a replay carrying the same
 * {@code webhook-id} and body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SellerReceivesRegistrationWebhookTest {

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
    private String manager;
    private SellerReceiver receiver;
    private String endpointId;

    @BeforeEach
    void setUp() throws Exception {
        http = new BearerHttp(port);
        manager = apiKeys.issue("e2e-webhooks", Set.of(Scope.WEBHOOKS_MANAGE)).key();
        receiver = new SellerReceiver();
    }

    @AfterEach
    void tearDown() {
        if (endpointId != null) {
            http.send("DELETE", "/v1/webhooks/" + endpointId, manager, null);
        }
        receiver.close();
    }

    @Test
    void aRegisteredBuyerReachesTheSellerAsASignedWebhookAndAReplayRepeatsItExactly() {
        HttpResponse<String> created = http.send(
                "POST",
                "/v1/webhooks",
                manager,
                "{\"url\":\"" + receiver.url() + "\",\"events\":[\"customer.registered\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode endpoint = JSON.readTree(created.body());
        endpointId = endpoint.path("id").asString();
        String secret = endpoint.path("secret").asString();
        assertThat(secret).startsWith("whsec_");

        SimulatedBuyer buyer = new SimulatedBuyer(aws.endpoints().marketplace().orElseThrow(), port);
        SimulatedBuyer.Subscription subscription = buyer.subscribe();
        String customerId = buyer.register(subscription.token(), "Webhook Buyer Ltd", "webhook.buyer@gmail.com");

        await().atMost(PATIENCE).until(() -> !receiver.mentioning(customerId).isEmpty());
        SellerReceiver.Received first = receiver.mentioning(customerId).getFirst();
        assertThat(first.text()).contains("\"type\":\"customer.registered\"");
        // the simulated world's time: in the demo the server's clock follows the simulator's
        WebhookVerifier verifier = WebhookVerifier.builder()
                .secret(WebhookSecret.parse(secret))
                .clock(clock)
                .build();
        WebhookVerification verification = verifier.verify(first.headers(), first.body());
        assertThat(verification).as(verification.toString()).isInstanceOf(WebhookVerification.Verified.class);
        WebhookVerification forged = verifier.verify(
                first.headers(), first.text().replace(customerId, "cus_other").getBytes(StandardCharsets.UTF_8));
        assertThat(forged.isVerified()).as("a changed body does not verify").isFalse();
        String webhookId = first.header("webhook-id");
        assertThat(webhookId).isNotBlank();

        long deliveryId = deliveryOf(webhookId);
        HttpResponse<String> replay = http.send(
                "POST", "/v1/webhooks/" + endpointId + "/deliveries/" + deliveryId + "/replay", manager, null);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);

        await().atMost(PATIENCE).until(() -> receiver.mentioning(customerId).size() >= 2);
        SellerReceiver.Received again = receiver.mentioning(customerId).get(1);
        assertThat(again.header("webhook-id")).isEqualTo(webhookId);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(verifier.verify(again.headers(), again.body()).isVerified()).isTrue();
    }

    private long deliveryOf(String webhookId) {
        HttpResponse<String> listed = http.get("/v1/webhooks/" + endpointId + "/deliveries", manager);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        for (JsonNode delivery : JSON.readTree(listed.body()).path("deliveries")) {
            if (webhookId.equals(delivery.path("eventId").asString())) {
                return delivery.path("id").asLong();
            }
        }
        throw new AssertionError("no delivery of " + webhookId + " in " + listed.body());
    }
}
