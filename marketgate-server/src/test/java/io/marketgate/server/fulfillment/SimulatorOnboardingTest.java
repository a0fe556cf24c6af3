package io.marketgate.server.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.aws.AwsClients;
import io.marketgate.server.customer.Customers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Onboarding end to end against the embedded simulator over HTTP, with the real ResolveCustomer port and
 * SDK: tokens minted by the simulator's control API, as the buyer's "Set up your account" would post them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SimulatorOnboardingTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    AwsClients aws;

    @Autowired
    Customers customers;

    @Autowired
    JdbcClient jdbc;

    private BuyerBrowser browser;

    @BeforeEach
    void setUp() {
        browser = new BuyerBrowser(port);
    }

    @Test
    void aBuyerSubscribedOnTheSimulatorRegistersAndIsRecognisedWhenSettingUpAgain() {
        JsonNode subscription = subscribe("demo-product", newAccount());
        String licenseArn = subscription.path("agreement").path("licenseArn").asString();

        HttpResponse<String> posted = browser.fulfill(
                "demo", subscription.path("registrationToken").path("token").asString());
        assertThat(posted.statusCode()).isEqualTo(303);
        String location = posted.headers().firstValue("Location").orElseThrow();
        String csrf = BuyerBrowser.csrf(browser.get(location).body());
        HttpResponse<String> done = browser.postForm(
                location.replaceFirst("^https?://[^/]+", ""),
                Map.of("_csrf", csrf, "company", "Sim Buyer", "contact-name", "Sam", "email", "sam@outlook.com"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(browser.get(done.headers().firstValue("Location").orElseThrow())
                        .body())
                .contains("authentic");
        assertThat(customers.lookup(licenseArn.substring("arn:".length()))).hasSize(1);

        String again = control(
                        "POST",
                        "/_sim/agreements/"
                                + subscription.path("agreement").path("id").asString() + "/token",
                        "")
                .path("token")
                .asString();
        HttpResponse<String> recognised = new BuyerBrowser(port).fulfill("demo", again);

        assertThat(recognised.statusCode()).isEqualTo(303);
        assertThat(recognised.headers().firstValue("Location").orElseThrow()).contains("/demo/seller?assertion=");
        assertThat(customers.lookup(licenseArn)).hasSize(1);
    }

    @Test
    void aTokenTheSimulatorNeverIssuedIsRefusedAndNothingIsStored() {
        long before = pendingRows();

        HttpResponse<String> response = browser.fulfill("demo", "bmV2ZXItaXNzdWVk");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("does not recognise");
        assertThat(pendingRows()).isEqualTo(before);
    }

    @Test
    void aTokenOfAnotherProductOfTheSameSellerIsRefusedAndNothingIsStored() {
        control("POST", "/_sim/products", """
                {"code": "other-product", "sellerAccountId": "111122223333", "identityMode": "license",
                 "dimensions": [{"key": "requests"}]}""");
        String token = subscribe("other-product", newAccount())
                .path("registrationToken")
                .path("token")
                .asString();
        long before = pendingRows();

        HttpResponse<String> response = browser.fulfill("demo", token);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("different product");
        assertThat(pendingRows()).isEqualTo(before);
    }

    @Test
    void anAwsOutageAsksTheBuyerToRetryAndTheSameTokenWorksAfterwards() {
        String token = subscribe("demo-product", newAccount())
                .path("registrationToken")
                .path("token")
                .asString();
        control("PUT", "/_sim/faults/ResolveCustomer", "{\"errorPercent\": 100}");
        HttpResponse<String> outage;
        try {
            outage = browser.fulfill("demo", token);
        } finally {
            control("DELETE", "/_sim/faults/ResolveCustomer", "");
        }

        assertThat(outage.statusCode()).isEqualTo(503);
        assertThat(outage.headers().firstValue("Retry-After")).isPresent();
        assertThat(outage.body()).contains("Set up your account");
        assertThat(browser.fulfill("demo", token).statusCode()).isEqualTo(303);
    }

    private long pendingRows() {
        return jdbc.sql("SELECT count(*) FROM pending_registration")
                .query(Long.class)
                .single();
    }

    private static String newAccount() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
    }

    private JsonNode subscribe(String productCode, String buyerAccountId) {
        return control(
                "POST",
                "/_sim/agreements",
                "{\"productCode\": \"" + productCode + "\", \"buyerAccountId\": \"" + buyerAccountId + "\"}");
    }

    private JsonNode control(String method, String path, String body) {
        URI simulator = aws.endpoints().marketplace().orElseThrow();
        HttpRequest request = HttpRequest.newBuilder(simulator.resolve(path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as(method + " " + path + ": " + response.body())
                    .isLessThan(300);
            return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
