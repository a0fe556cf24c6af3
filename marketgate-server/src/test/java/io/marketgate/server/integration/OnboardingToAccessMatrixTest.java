package io.marketgate.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marketgate.server.aws.AwsClients;
import io.marketgate.server.security.ApiKeys;
import io.marketgate.server.security.Scope;
import io.marketgate.server.security.web.BearerHttp;
import io.marketgate.server.shared.MutableClock;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every pricing model in the legacy (SNS) and license (EventBridge) identity modes, and a sale through a
 * reseller, end to end against the embedded simulator in a configured (non-demo) server: the buyer subscribes,
 * the token is posted to the product's fulfillment URL, the registration form is completed over HTTP, the
 * notifications arrive through SQS, access is allowed; a contract change shows within 5 s; a cancellation
 * completed in the simulator ends access, and the subscription ends once its final hour has passed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "marketgate.sellers.acme.account-id=111122223333",
            "marketgate.sellers.partner.account-id=444455556666",
            "marketgate.sellers.partner.role-arn=" + OnboardingToAccessMatrixTest.ROLE,
            "marketgate.sellers.partner.external-id=" + OnboardingToAccessMatrixTest.EXTERNAL_ID,
            "marketgate.products.leg-sub.seller=acme",
            "marketgate.products.leg-sub.product-code=prod-leg-sub",
            "marketgate.products.leg-sub.identity-mode=legacy",
            "marketgate.products.leg-sub.pricing-model=subscription",
            "marketgate.products.leg-sub.dimensions[0].key=requests",
            "marketgate.products.leg-con.seller=acme",
            "marketgate.products.leg-con.product-code=prod-leg-con",
            "marketgate.products.leg-con.identity-mode=legacy",
            "marketgate.products.leg-con.pricing-model=contract",
            "marketgate.products.leg-con.dimensions[0].key=seats",
            "marketgate.products.leg-con.dimensions[0].type=entitlement",
            "marketgate.products.leg-cwc.seller=acme",
            "marketgate.products.leg-cwc.product-code=prod-leg-cwc",
            "marketgate.products.leg-cwc.identity-mode=legacy",
            "marketgate.products.leg-cwc.pricing-model=contract-with-consumption",
            "marketgate.products.leg-cwc.dimensions[0].key=seats",
            "marketgate.products.leg-cwc.dimensions[0].type=entitlement",
            "marketgate.products.leg-cwc.dimensions[1].key=requests",
            "marketgate.products.lic-sub.seller=acme",
            "marketgate.products.lic-sub.product-code=prod-lic-sub",
            "marketgate.products.lic-sub.identity-mode=license",
            "marketgate.products.lic-sub.pricing-model=subscription",
            "marketgate.products.lic-sub.dimensions[0].key=requests",
            "marketgate.products.lic-con.seller=acme",
            "marketgate.products.lic-con.product-code=prod-lic-con",
            "marketgate.products.lic-con.identity-mode=license",
            "marketgate.products.lic-con.pricing-model=contract",
            "marketgate.products.lic-con.dimensions[0].key=seats",
            "marketgate.products.lic-con.dimensions[0].type=entitlement",
            "marketgate.products.lic-cwc.seller=acme",
            "marketgate.products.lic-cwc.product-code=prod-lic-cwc",
            "marketgate.products.lic-cwc.identity-mode=license",
            "marketgate.products.lic-cwc.pricing-model=contract-with-consumption",
            "marketgate.products.lic-cwc.dimensions[0].key=seats",
            "marketgate.products.lic-cwc.dimensions[0].type=entitlement",
            "marketgate.products.lic-cwc.dimensions[1].key=requests",
            "marketgate.products.resold.seller=partner",
            "marketgate.products.resold.product-code=prod-resold",
            "marketgate.products.resold.identity-mode=license",
            "marketgate.products.resold.pricing-model=contract",
            "marketgate.products.resold.dimensions[0].key=seats",
            "marketgate.products.resold.dimensions[0].type=entitlement",
            "marketgate.simulator.embedded=true",
            "marketgate.notifications.wait-time=1s",
            "marketgate.lifecycle.sweep-interval=200ms"
        })
@Import(OnboardingToAccessMatrixTest.Clocks.class)
class OnboardingToAccessMatrixTest {

    static final String ROLE = "arn:aws:iam::444455556666:role/marketgate-reseller-sales";
    static final String EXTERNAL_ID = "mg-matrix-42";
    private static final String RESELLER = "777788889999";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final int SIMULATOR_PORT = freePort();

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock serverClock() {
            return new MutableClock(Instant.now());
        }
    }

    /** A fixed simulator port, so its SNS signing certificate URL can be trusted explicitly. */
    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) {
        registry.add("marketgate.simulator.port", () -> SIMULATOR_PORT);
        registry.add("marketgate.simulator.sqs-port", OnboardingToAccessMatrixTest::freePort);
        registry.add(
                "marketgate.notifications.sns.trusted-certificate-url",
                () -> "http://127.0.0.1:" + SIMULATOR_PORT + "/_sim/sns/SimpleNotificationService-marketgate.pem");
    }

    /** How a case reaches its customer in the access API: legacy by customer identifier, license by ARN. */
    enum Mode {
        LEGACY,
        LICENSE
    }

    record Case(String product, String productCode, Mode mode, boolean contract, boolean resold) {
        @Override
        public String toString() {
            return product + (resold ? " (reseller sale)" : "");
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("leg-sub", "prod-leg-sub", Mode.LEGACY, false, false),
                new Case("leg-con", "prod-leg-con", Mode.LEGACY, true, false),
                new Case("leg-cwc", "prod-leg-cwc", Mode.LEGACY, true, false),
                new Case("lic-sub", "prod-lic-sub", Mode.LICENSE, false, false),
                new Case("lic-con", "prod-lic-con", Mode.LICENSE, true, false),
                new Case("lic-cwc", "prod-lic-cwc", Mode.LICENSE, true, false),
                new Case("resold", "prod-resold", Mode.LICENSE, true, true));
    }

    @LocalServerPort
    int port;

    @Autowired
    AwsClients aws;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBuyerOnboardsGetsAccessSeesContractChangesAndLosesAccessWhenTheCancellationCompletes(Case c) {
        if (c.resold()) {
            simulator(
                    "POST", "/_sim/roles", "{\"roleArn\": \"" + ROLE + "\", \"externalId\": \"" + EXTERNAL_ID + "\"}");
        }
        String buyer = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        JsonNode subscribed = simulator("POST", "/_sim/agreements", subscription(c, buyer));
        JsonNode agreement = subscribed.path("agreement");
        String agreementId = agreement.path("id").asString();

        register(c.product(), subscribed.path("registrationToken").path("token").asString());

        String id = c.mode() == Mode.LEGACY
                ? simulator("GET", "/_sim/buyers/" + buyer, null)
                        .path("customerIdentifier")
                        .asString()
                : agreement.path("licenseArn").asString();
        String key = apiKeys.issue("matrix-" + c.product() + "-" + buyer, Set.of(Scope.CUSTOMERS_READ))
                .key();
        BearerHttp api = new BearerHttp(port);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode access = access(api, id, key);
            assertThat(access.path("allowed").asBoolean()).as(access.toString()).isTrue();
            if (c.contract()) {
                assertThat(seats(access)).as(access.toString()).isEqualTo(10);
            }
        });

        if (c.resold()) {
            assertThat(agreement.path("resellerAccountId").asString()).isEqualTo(RESELLER);
            assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE source <> 'sns' AND body LIKE :agreement"
                                    + " AND body LIKE '%- Manufacturer%'")
                            .param("agreement", "%" + agreementId + "%")
                            .query(Long.class)
                            .single())
                    .isPositive();
        }

        if (c.contract()) {
            simulator(
                    "PUT",
                    "/_sim/agreements/" + agreementId + "/entitlements",
                    "{\"entitlements\": [{\"dimension\": \"seats\", \"value\": 40}]}");
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(seats(access(api, id, key))).isEqualTo(40));
        }

        simulator("POST", "/_sim/agreements/" + agreementId + "/cancel", "{}");
        simulator("POST", "/_sim/agreements/" + agreementId + "/complete-cancel", "{}");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                        access(api, id, key).path("state").asString())
                .isIn("deprovisioning", "ended"));
        clock.advance(Duration.ofHours(2)); // past the final hour in which usage is still accepted
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode access = access(api, id, key);
            assertThat(access.path("allowed").asBoolean()).as(access.toString()).isFalse();
            assertThat(access.path("state").asString()).isEqualTo("ended");
        });
    }

    private static String subscription(Case c, String buyer) {
        StringBuilder json = new StringBuilder("{\"productCode\": \"")
                .append(c.productCode())
                .append("\", \"buyerAccountId\": \"")
                .append(buyer)
                .append('"');
        if (c.contract()) {
            json.append(", \"entitlements\": [{\"dimension\": \"seats\", \"value\": 10}]");
        }
        if (c.resold()) {
            json.append(", \"resellerAccountId\": \"").append(RESELLER).append('"');
        }
        return json.append('}').toString();
    }

    private static int seats(JsonNode access) {
        for (JsonNode entitlement : access.path("entitlements")) {
            if ("seats".equals(entitlement.path("dimension").asString())) {
                return entitlement.path("value").asInt();
            }
        }
        return -1;
    }

    private static JsonNode access(BearerHttp api, String id, String key) {
        HttpResponse<String> response =
                api.get("/v1/customers/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/access", key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The buyer's browser: the token POSTed as AWS's form does, then the registration form with its cookie. */
    private void register(String product, String token) {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .build();
        HttpResponse<String> posted =
                postForm(browser, "/marketplace/fulfillment/" + product, Map.of("x-amzn-marketplace-token", token));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        String form = posted.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        HttpResponse<String> page =
                send(browser, HttpRequest.newBuilder(local(form)).GET().build());
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as(page.body()).isTrue();
        HttpResponse<String> done = postForm(
                browser,
                form,
                Map.of(
                        "_csrf",
                        csrf.group(1),
                        "company",
                        "Matrix Buyer " + product,
                        "contact-name",
                        "Sam",
                        "email",
                        "sam@example.org"));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
    }

    private HttpResponse<String> postForm(HttpClient browser, String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(
                browser,
                HttpRequest.newBuilder(local(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
    }

    private URI local(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private JsonNode simulator(String method, String path, String body) {
        URI base = aws.endpoints().marketplace().orElseThrow();
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = send(HttpClient.newHttpClient(), request.build());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isBetween(200, 299);
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
