package io.marketgate.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.client.FakeMarketgate.Reply;
import io.marketgate.webhooks.WebhookSecret;
import io.marketgate.webhooks.WebhookSigner;
import io.marketgate.webhooks.assertion.AssertionKey;
import io.marketgate.webhooks.assertion.Registration;
import io.marketgate.webhooks.assertion.RegistrationAssertions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The README's integration, driven as Marketgate and a buyer would drive it. */
class SellerIntegrationTest {

    final FakeMarketgate marketgateApi = new FakeMarketgate();
    final WebhookSecret webhookSecret = WebhookSecret.generate();
    final AssertionKey assertionKey = AssertionKey.generate();
    final MarketgateClient marketgate = MarketgateClient.builder(marketgateApi.url(), "mg_demo_key")
            .webhookSecret(webhookSecret.encoded())
            .assertionKey(assertionKey.encoded())
            .build();
    final ExampleSellerApp app = new ExampleSellerApp(marketgate);
    final HttpClient browser = HttpClient.newHttpClient();

    SellerIntegrationTest() throws Exception {}

    @AfterEach
    void stop() {
        app.close();
        marketgateApi.close();
    }

    URI app(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    @Test
    void theRegisteredBuyerIsWelcomedOnceAndAReplayedRedirectIsRefused() throws Exception {
        var registration = new Registration("cus_1", "prod_1", "123456789012", null, null, null);
        String token = RegistrationAssertions.sign(registration, assertionKey, Clock.systemUTC());
        var redirect =
                HttpRequest.newBuilder(app("/welcome?assertion=" + token)).build();

        var first = browser.send(redirect, HttpResponse.BodyHandlers.discarding());
        var replayed = browser.send(redirect, HttpResponse.BodyHandlers.discarding());

        assertThat(first.statusCode()).isEqualTo(204);
        assertThat(replayed.statusCode()).isEqualTo(403);
        assertThat(app.welcomed).containsExactly("cus_1");
    }

    @Test
    void aSignedWebhookIsProcessedAndAForgedOneRefused() throws Exception {
        String body = "{\"type\":\"subscription.changed\",\"data\":{\"customer\":\"cus_1\"}}";
        var headers = WebhookSigner.of(webhookSecret).headers("evt_1", Instant.now(), body);
        var forged = WebhookSigner.of(WebhookSecret.generate()).headers("evt_2", Instant.now(), body);

        assertThat(deliver(headers, body)).isEqualTo(204);
        assertThat(deliver(forged, body)).isEqualTo(401);
        assertThat(app.webhooks).containsExactly("evt_1 " + body);
    }

    @Test
    void anAllowedCustomerIsServedAndItsUsageReported() {
        assertThat(ExampleSellerApp.serve(marketgate, "cus_1", "req-1")).isTrue();

        assertThat(marketgateApi.requests())
                .extracting(r -> r.method() + " " + r.rawPath())
                .containsExactly("GET /v1/customers/cus_1/access", "POST /v1/usage");
        assertThat(marketgateApi.requests().get(1).events().get(0)).containsEntry("id", "req-1");
    }

    @Test
    void aDeniedCustomerIsNotServedAndNothingIsReported() {
        marketgateApi.answerAccess(request -> Reply.json(200, "{\"allowed\":false,\"reason\":\"unsubscribed\"}"));

        assertThat(ExampleSellerApp.serve(marketgate, "cus_2", "req-2")).isFalse();

        assertThat(marketgateApi.requests())
                .extracting(FakeMarketgate.Recorded::method)
                .containsExactly("GET");
    }

    private int deliver(java.util.Map<String, String> headers, String body) throws Exception {
        var request =
                HttpRequest.newBuilder(app("/marketgate/webhooks")).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return browser.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
