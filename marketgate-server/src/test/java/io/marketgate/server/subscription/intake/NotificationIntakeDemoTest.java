package io.marketgate.server.subscription.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marketgate.server.aws.AwsClients;
import io.marketgate.server.aws.NotificationQueues;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.Product;
import io.marketgate.server.security.ApiKeys;
import io.marketgate.server.security.Scope;
import io.marketgate.server.security.web.BearerHttp;
import io.marketgate.server.subscription.Notification;
import io.marketgate.server.subscription.NotificationSink;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The zero-configuration demo consumes its queue: envelopes signed by the embedded simulator verify because
 * the demo trusts exactly that certificate, and a tampered copy lands in the quarantine shown by the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(NotificationIntakeDemoTest.Sink.class)
class NotificationIntakeDemoTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TestConfiguration
    static class Sink {
        @Bean
        @Primary
        RecordingSink recordingSink() {
            return new RecordingSink();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    AwsClients aws;

    @Autowired
    Catalog catalog;

    @Autowired
    NotificationQueues queues;

    @Autowired
    NotificationSink sink;

    @Autowired
    ApiKeys apiKeys;

    @Test
    void simulatorNotificationsAreVerifiedAndATamperedOneIsQuarantinedAndListed() throws Exception {
        RecordingSink recording = (RecordingSink) sink;
        subscribeOnTheSimulator("222233335555");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(recording.applied())
                .filteredOn(n -> n instanceof Notification.Sns)
                .isNotEmpty());
        Notification.Sns genuine = (Notification.Sns) recording.applied().stream()
                .filter(n -> n instanceof Notification.Sns)
                .findFirst()
                .orElseThrow();
        assertThat(genuine.productId()).isEqualTo("demo");
        assertThat(genuine.action()).isEqualTo(Notification.SnsAction.SUBSCRIBE_SUCCESS);

        ObjectNode tampered = (ObjectNode) JSON.readTree(genuine.body());
        tampered.put("Message", tampered.get("Message").stringValue().replace("subscribe-success", "subscribe-fail"));
        Product demo = catalog.product("demo").orElseThrow();
        String queueUrl = queues.queueUrl(demo).orElseThrow();
        queues.sqs(demo, queueUrl).sendMessage(r -> r.queueUrl(queueUrl).messageBody(tampered.toString()));

        BearerHttp http = new BearerHttp(port);
        String key =
                apiKeys.issue("quarantine-reader", Set.of(Scope.CUSTOMERS_READ)).key();
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(quarantined(http, key).path("items").size()).isPositive());
        JsonNode item = quarantined(http, key).path("items").get(0);
        assertThat(item.path("messageKey").stringValue()).isEqualTo(genuine.messageId());
        assertThat(item.path("productId").stringValue()).isEqualTo("demo");
        assertThat(item.path("reason").stringValue()).contains("signature does not match");
        assertThat(item.path("body").stringValue()).isEqualTo(tampered.toString());
        assertThat(item.path("receivedAt").stringValue()).isNotBlank();
        assertThat(recording.applied()).extracting(Notification::messageId).containsOnlyOnce(genuine.messageId());
        String admin = apiKeys.issue("metrics-reader", Set.of(Scope.ADMIN)).key();
        assertThat(http.get("/actuator/prometheus", admin).body())
                .contains("marketgate_notifications_quarantined_total{product=\"demo\"}")
                .contains("marketgate_notifications_applied_total{product=\"demo\"}");
    }

    @Test
    void theQuarantineNeedsAKeyWithTheCustomersReadScope() {
        BearerHttp http = new BearerHttp(port);
        String usageOnly =
                apiKeys.issue("usage-only", Set.of(Scope.USAGE_WRITE)).key();

        assertThat(http.get("/v1/notifications/quarantine", null).statusCode()).isEqualTo(401);
        assertThat(http.get("/v1/notifications/quarantine", usageOnly).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aBadPageSizeIsAProblemNamingTheField() {
        String key =
                apiKeys.issue("quarantine-reader", Set.of(Scope.CUSTOMERS_READ)).key();
        HttpResponse<String> response = new BearerHttp(port).get("/v1/notifications/quarantine?limit=0", key);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("limit");
    }

    private static JsonNode quarantined(BearerHttp http, String key) {
        HttpResponse<String> response = http.get("/v1/notifications/quarantine?limit=10", key);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private void subscribeOnTheSimulator(String buyer) throws Exception {
        URI simulator = aws.endpoints().marketplace().orElseThrow();
        HttpResponse<String> subscribed = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(simulator.resolve("/_sim/agreements"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"productCode\": \"demo-product\", \"buyerAccountId\": \"" + buyer + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(subscribed.statusCode()).isBetween(200, 201);
    }
}
