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
import io.marketgate.server.subscription.SubscriptionState;
import io.marketgate.server.subscription.SubscriptionView;
import io.marketgate.server.subscription.Subscriptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole path in the zero-configuration demo: the embedded simulator signs and delivers notifications
 * into its SQS, the consumer verifies them and the lifecycle applies them; what is tampered with is
 * quarantined and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationsThroughTheQueueTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    AwsClients aws;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    Catalog catalog;

    @Autowired
    NotificationQueues queues;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry registry;

    @Autowired
    ApiKeys apiKeys;

    @AfterEach
    void defaultDelivery() throws Exception {
        simulator("PUT", "/_sim/notifications", "{\"duplicates\": \"never\"}");
    }

    @Test
    void aSubscriptionBecomesActiveThroughTheQueueAndItsCancellationEndsAccess() throws Exception {
        JsonNode agreement = subscribe("333344445555");
        String license = agreement.path("licenseArn").stringValue();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(state(license)).hasValue(SubscriptionState.ACTIVE));

        simulator("POST", "/_sim/agreements/" + agreement.path("id").stringValue() + "/cancel", "{}");
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(state(license)).hasValueSatisfying(state -> assertThat(state)
                        .isIn(SubscriptionState.ENDING, SubscriptionState.DEPROVISIONING)));
    }

    @Test
    void everyMessageDeliveredTwiceIsAppliedOnce() throws Exception {
        simulator("PUT", "/_sim/notifications", "{\"duplicates\": \"always\"}");
        double duplicatesBefore = count("marketgate.notifications.duplicates");
        double appliedBefore = count("marketgate.notifications.applied");

        JsonNode agreement = subscribe("333344446666");
        String license = agreement.path("licenseArn").stringValue();

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(count("marketgate.notifications.duplicates")).isGreaterThanOrEqualTo(duplicatesBefore + 3);
            assertThat(count("marketgate.notifications.applied")).isGreaterThanOrEqualTo(appliedBefore + 3);
        });
        assertThat(state(license)).hasValue(SubscriptionState.ACTIVE);
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE body LIKE :buyer")
                        .param("buyer", "%" + agreement.path("id").stringValue() + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(2); // Purchase Agreement Created and License Updated, each stored once
    }

    @Test
    void aTamperedUnsubscribeIsQuarantinedListedAndChangesNothing() throws Exception {
        JsonNode agreement = subscribe("333344447777");
        String license = agreement.path("licenseArn").stringValue();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(state(license)).hasValue(SubscriptionState.ACTIVE));
        String genuine = jdbc.sql("SELECT body FROM notification WHERE source = 'sns' AND body LIKE :buyer")
                .param("buyer", "%" + customerIdentifier("333344447777") + "%")
                .query(String.class)
                .single();

        ObjectNode forged = (ObjectNode) JSON.readTree(genuine);
        forged.put("MessageId", "forged-" + forged.get("MessageId").stringValue());
        forged.put("Message", forged.get("Message").stringValue().replace("subscribe-success", "unsubscribe-success"));
        Product demo = catalog.product("demo").orElseThrow();
        String queueUrl = queues.queueUrl(demo).orElseThrow();
        queues.sqs(demo, queueUrl).sendMessage(r -> r.queueUrl(queueUrl).messageBody(forged.toString()));

        String key =
                apiKeys.issue("quarantine-reader", Set.of(Scope.CUSTOMERS_READ)).key();
        BearerHttp http = new BearerHttp(port);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(quarantineKeys(http, key))
                .contains(forged.get("MessageId").stringValue()));
        assertThat(state(license)).hasValue(SubscriptionState.ACTIVE);
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE message_id = :id")
                        .param("id", forged.get("MessageId").stringValue())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private Optional<SubscriptionState> state(String license) {
        return subscriptions.of("demo", license).map(SubscriptionView::state);
    }

    private String customerIdentifier(String buyer) throws Exception {
        return JSON.readTree(simulator("GET", "/_sim/buyers/" + buyer, null))
                .path("customerIdentifier")
                .stringValue();
    }

    private static java.util.List<String> quarantineKeys(BearerHttp http, String key) {
        HttpResponse<String> response = http.get("/v1/notifications/quarantine?limit=200", key);
        assertThat(response.statusCode()).isEqualTo(200);
        java.util.List<String> keys = new java.util.ArrayList<>();
        JSON.readTree(response.body())
                .path("items")
                .forEach(item -> keys.add(item.path("messageKey").stringValue()));
        return keys;
    }

    private double count(String name) {
        Counter counter = registry.find(name).tag("product", "demo").counter();
        return counter == null ? 0 : counter.count();
    }

    private JsonNode subscribe(String buyer) throws Exception {
        String answer = simulator(
                "POST",
                "/_sim/agreements",
                "{\"productCode\": \"demo-product\", \"buyerAccountId\": \"" + buyer + "\"}");
        JsonNode json = JSON.readTree(answer);
        return json.has("agreement") ? json.get("agreement") : json;
    }

    private String simulator(String method, String path, String body) throws Exception {
        URI base = aws.endpoints().marketplace().orElseThrow();
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isBetween(200, 299);
        return response.body();
    }
}
