package io.marketgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.webhooks.WebhookSecret;
import io.marketgate.webhooks.WebhookSigner;
import io.marketgate.webhooks.WebhookVerification;
import io.marketgate.webhooks.assertion.AssertionKey;
import io.marketgate.webhooks.assertion.AssertionVerification;
import io.marketgate.webhooks.assertion.Registration;
import io.marketgate.webhooks.assertion.RegistrationAssertions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerificationTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T07:00:00Z"));
    final WebhookSecret secret = WebhookSecret.generate();
    final AssertionKey key = AssertionKey.generate();
    final MarketgateClient client = MarketgateClient.builder(URI.create("http://127.0.0.1:9"), "k")
            .clock(clock)
            .webhookSecret(secret.encoded())
            .assertionKey(key.encoded())
            .build();

    static Map<String, List<String>> multi(Map<String, String> headers) {
        return Map.of(
                "Webhook-Id", List.of(headers.get("webhook-id")),
                "Webhook-Timestamp", List.of(headers.get("webhook-timestamp")),
                "Webhook-Signature", List.of(headers.get("webhook-signature")));
    }

    @Test
    void aSignedWebhookVerifiesAndATamperedOneDoesNot() {
        byte[] body = "{\"type\":\"customer.registered\"}".getBytes(StandardCharsets.UTF_8);
        var headers = multi(WebhookSigner.of(secret).headers("evt_1", clock.instant(), body));

        assertThat(client.verifyWebhook(headers, body))
                .isEqualTo(new WebhookVerification.Verified("evt_1", clock.instant()));
        assertThat(client.verifyWebhook(headers, "{\"type\":\"x\"}".getBytes()))
                .isInstanceOf(WebhookVerification.Rejected.class);
    }

    @Test
    void aStaleWebhookIsRejectedByTheClientsClock() {
        byte[] body = "{}".getBytes();
        var headers = multi(WebhookSigner.of(secret).headers("evt_1", clock.instant(), body));

        clock.advance(Duration.ofMinutes(6));

        assertThat(((WebhookVerification.Rejected) client.verifyWebhook(headers, body)).failure())
                .isEqualTo(WebhookVerification.Failure.TIMESTAMP_TOO_OLD);
    }

    @Test
    void aRegistrationAssertionIsAcceptedOnce() {
        var registration = new Registration("cus_1", "prod_1", "123456789012", null, "legacy-1", null);
        String token = RegistrationAssertions.sign(registration, key, clock);

        assertThat(client.verifyRegistration(token).orThrow().registration()).isEqualTo(registration);
        assertThat(((AssertionVerification.Rejected) client.verifyRegistration(token)).failure())
                .isEqualTo(AssertionVerification.Failure.REPLAYED);
    }

    @Test
    void verifyingWithoutASecretOrKeySaysWhatToConfigure() {
        var bare =
                MarketgateClient.builder(URI.create("http://127.0.0.1:9"), "k").build();

        assertThatThrownBy(() -> bare.verifyWebhook(Map.of(), new byte[0])).hasMessageContaining("webhookSecret");
        assertThatThrownBy(() -> bare.verifyRegistration("t")).hasMessageContaining("assertionKey");
    }

    @Test
    void theBuilderRefusesAMissingKeyOrANonHttpUrl() {
        assertThatThrownBy(() -> MarketgateClient.builder(URI.create("http://h"), " "))
                .hasMessage("apiKey is required");
        assertThatThrownBy(() -> MarketgateClient.builder(URI.create("ftp://h"), "k"))
                .hasMessageContaining("http or https");
    }
}
