package io.marketgate.server.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A new buyer of the demo product, all over HTTP: subscribes through the embedded simulator's control API, posts
 * the registration token to the fulfillment URL as AWS's form does, and completes the registration form in one
 * browser (cookies kept, CSRF token sent back, redirects not followed).
 */
final class SimulatedBuyer {

    /** The subscription the simulator created. */
    record Subscription(String agreementId, String licenseArn, String token) {}

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CUSTOMER_ID = Pattern.compile("data-claim=\"customerId\">([^<]+)<");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI simulator;
    private final URI server;
    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .build();

    SimulatedBuyer(URI simulator, int serverPort) {
        this.simulator = simulator;
        this.server = URI.create("http://localhost:" + serverPort + "/");
    }

    /** Subscribes a new buyer account to {@code demo-product} on the simulator. */
    Subscription subscribe() {
        String account = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(simulator.resolve("/_sim/agreements"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"productCode\": \"demo-product\", \"buyerAccountId\": \"" + account + "\"}"))
                .build());
        assertThat(answer.statusCode()).as("subscribe: " + answer.body()).isBetween(200, 299);
        JsonNode json = JSON.readTree(answer.body());
        return new Subscription(
                json.path("agreement").path("id").asString(),
                json.path("agreement").path("licenseArn").asString(),
                json.path("registrationToken").path("token").asString());
    }

    /**
     * Posts the token to the fulfillment URL, fills in the registration form and follows the redirect to the
     * seller's page.
     *
     * @return the Marketgate customer id the seller's page shows
     */
    String register(String token, String company, String email) {
        HttpResponse<String> landed =
                postForm(server.resolve("/marketplace/fulfillment/demo"), Map.of("x-amzn-marketplace-token", token));
        assertThat(landed.statusCode()).as("fulfillment: " + landed.body()).isEqualTo(303);
        URI form = location(landed);
        HttpResponse<String> page = send(HttpRequest.newBuilder(form).GET().build());
        assertThat(page.statusCode()).as("registration form").isEqualTo(200);

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf(page.body()));
        fields.put("company", company);
        fields.put("contact-name", "Integration Buyer");
        fields.put("email", email);
        HttpResponse<String> done = postForm(form, fields);
        assertThat(done.statusCode()).as("registration: " + done.body()).isEqualTo(303);

        HttpResponse<String> seller =
                send(HttpRequest.newBuilder(location(done)).GET().build());
        assertThat(seller.statusCode()).isEqualTo(200);
        assertThat(seller.body()).contains("The assertion is authentic");
        Matcher customerId = CUSTOMER_ID.matcher(seller.body());
        assertThat(customerId.find()).as("the seller page names the customer").isTrue();
        return customerId.group(1);
    }

    private URI location(HttpResponse<String> response) {
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
    }

    private static String csrf(String formPage) {
        Matcher matcher = CSRF.matcher(formPage);
        assertThat(matcher.find()).as("a CSRF field in the form").isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> postForm(URI uri, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
