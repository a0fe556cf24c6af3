package io.marketgate.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marketgate.server.HttpTestClient;
import io.marketgate.webhooks.WebhookSecret;
import io.marketgate.webhooks.WebhookVerifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** Outbox events reach a receiver on loopback, signed, retried until it recovers, and replayable. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookDeliveryTest {

    @Autowired
    Webhooks webhooks;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @LocalServerPort
    int port;

    private WebhookReceiver receiver;
    private Webhooks.Created endpoint;

    @BeforeEach
    void receiver() throws Exception {
        receiver = new WebhookReceiver();
        endpoint = webhooks.create(receiver.url(), List.of(EventTypes.CUSTOMER_REGISTERED));
    }

    @AfterEach
    void close() {
        webhooks.delete(endpoint.endpoint().id());
        receiver.close();
    }

    private String commitEvent(String type, String customerId) {
        return transactions.execute(status -> outbox.append(type, customerId, Map.of("customerId", customerId)));
    }

    @Test
    void aCommittedEventArrivesSignedWithItsIdAsWebhookId() {
        String eventId = commitEvent(EventTypes.CUSTOMER_REGISTERED, "cus_signed");

        await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.accepted().isEmpty());
        WebhookReceiver.Received message = receiver.accepted().getFirst();
        assertThat(message.headers()).containsEntry("webhook-id", eventId);
        var verification = WebhookVerifier.of(WebhookSecret.parse(endpoint.secret()))
                .verify(
                        message.headers().get("webhook-id"), message.headers().get("webhook-timestamp"),
                        message.headers().get("webhook-signature"), message.body());
        assertThat(verification.isVerified()).as(verification.toString()).isTrue();
        assertThat(message.body())
                .contains("\"type\":\"customer.registered\"")
                .contains("\"customerId\":\"cus_signed\"")
                .contains("\"sequence\":");
    }

    @Test
    void eventsOfOtherTypesAreNotSentToTheEndpoint() {
        commitEvent(EventTypes.SUBSCRIPTION_CHANGED, "cus_other");
        String wanted = commitEvent(EventTypes.CUSTOMER_REGISTERED, "cus_wanted");

        await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.accepted().isEmpty());
        assertThat(receiver.received())
                .extracting(r -> r.headers().get("webhook-id"))
                .containsExactly(wanted);
    }

    @Test
    void aRolledBackEventIsNeverSent() {
        transactions.executeWithoutResult(status -> {
            outbox.append(EventTypes.CUSTOMER_REGISTERED, "cus_rolled_back", Map.of());
            status.setRollbackOnly();
        });
        String committed = commitEvent(EventTypes.CUSTOMER_REGISTERED, "cus_committed");

        await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.accepted().isEmpty());
        assertThat(receiver.received())
                .extracting(r -> r.headers().get("webhook-id"))
                .containsExactly(committed);
    }

    @Test
    void aReceiverThatFailsForAWhileGetsEveryEventOnceItRecovers() {
        receiver.failNext(3);
        List<String> ids = List.of(
                commitEvent(EventTypes.CUSTOMER_REGISTERED, "cus_a"),
                commitEvent(EventTypes.CUSTOMER_REGISTERED, "cus_b"),
                commitEvent(EventTypes.CUSTOMER_REGISTERED, "cus_c"));

        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.accepted().size() >= 3);
        assertThat(receiver.accepted())
                .extracting(r -> r.headers().get("webhook-id"))
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(receiver.received().size()).isGreaterThanOrEqualTo(6);
        var deliveries = webhooks.deliveries(endpoint.endpoint().id(), 0, 10);
        assertThat(deliveries).allSatisfy(d -> assertThat(d.status()).isEqualTo("delivered"));
        long retried = deliveries.stream().filter(d -> d.attempts() > 1).count();
        assertThat(retried).isPositive();
        assertThat(webhooks.attempts(
                        endpoint.endpoint().id(), deliveries.getFirst().id()))
                .isNotEmpty();
    }

    @Test
    void aReplayDeliversTheSameWebhookIdAgain() {
        String eventId = commitEvent(EventTypes.CUSTOMER_REGISTERED, "cus_replayed");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 1);
        long first =
                webhooks.deliveries(endpoint.endpoint().id(), 0, 1).getFirst().id();

        webhooks.replay(endpoint.endpoint().id(), first);

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 2);
        assertThat(receiver.accepted())
                .extracting(r -> r.headers().get("webhook-id"))
                .containsExactly(eventId, eventId);
        assertThat(receiver.accepted().get(1).body())
                .isEqualTo(receiver.accepted().get(0).body());
    }

    @Test
    void aTestEventGoesToThatEndpointOnly() {
        webhooks.sendTest(endpoint.endpoint().id());

        await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.accepted().isEmpty());
        assertThat(receiver.accepted().getFirst().body()).contains("\"type\":\"webhook.test\"");
    }

    @Test
    void afterRotationBothSecretsSignDuringTheOverlap() {
        Webhooks.Created rotated = webhooks.rotateSecret(endpoint.endpoint().id(), Duration.ofHours(1));
        commitEvent(EventTypes.CUSTOMER_REGISTERED, "cus_rotated");

        await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.accepted().isEmpty());
        WebhookReceiver.Received message = receiver.accepted().getFirst();
        for (String secret : List.of(endpoint.secret(), rotated.secret())) {
            var verification = WebhookVerifier.of(WebhookSecret.parse(secret))
                    .verify(
                            message.headers().get("webhook-id"),
                                    message.headers().get("webhook-timestamp"),
                            message.headers().get("webhook-signature"), message.body());
            assertThat(verification.isVerified()).as(verification.toString()).isTrue();
        }
    }

    @Test
    void theDemoReceiverGetsAndVerifiesEveryEvent() {
        String eventId = commitEvent(EventTypes.SUBSCRIPTION_CHANGED, "cus_demo");
        HttpTestClient http = new HttpTestClient(port);

        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/demo/webhooks/received", "application/json")
                .body()
                .contains(eventId));
        String received =
                http.get("/demo/webhooks/received", "application/json").body();
        assertThat(received).contains("\"verified\":true").doesNotContain("\"verified\":false");
        assertThat(http.get("/demo/webhooks.html", "text/html").statusCode()).isEqualTo(200);
    }
}
