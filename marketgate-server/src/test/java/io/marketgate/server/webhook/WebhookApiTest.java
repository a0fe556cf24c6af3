package io.marketgate.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marketgate.server.security.ApiKeys;
import io.marketgate.server.security.Scope;
import io.marketgate.server.security.web.BearerHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /v1/webhooks} over HTTP, with scoped API keys. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class WebhookApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    private final JsonMapper json = JsonMapper.builder().build();
    private BearerHttp http;
    private String manager;
    private WebhookReceiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        http = new BearerHttp(port);
        manager = apiKeys.issue("webhooks-test", Set.of(Scope.WEBHOOKS_MANAGE)).key();
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    private JsonNode create(String url, String events) {
        HttpResponse<String> created =
                http.send("POST", "/v1/webhooks", manager, "{\"url\":\"" + url + "\",\"events\":" + events + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body());
    }

    @Test
    void neitherTheSecretNorTheKeyAppearsInTheLogs(CapturedOutput output) {
        receiver.failNext(1);
        JsonNode endpoint = create(receiver.url(), "[\"*\"]");
        String id = endpoint.get("id").asString();
        http.send("POST", "/v1/webhooks/" + id + "/test", manager, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.accepted().isEmpty());
        http.send("POST", "/v1/webhooks/" + id + "/rotate-secret", manager, "{}");

        String secret = endpoint.get("secret").asString();
        assertThat(output.getAll())
                .contains(id)
                .doesNotContain(secret)
                .doesNotContain(secret.substring("whsec_".length()))
                .doesNotContain(manager);
    }

    @Test
    void anEndpointIsCreatedWithItsSecretShownOnceAndTested() {
        JsonNode endpoint = create(receiver.url(), "[\"customer.registered\"]");
        String id = endpoint.get("id").asString();

        assertThat(endpoint.get("secret").asString()).startsWith("whsec_");
        HttpResponse<String> fetched = http.get("/v1/webhooks/" + id, manager);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).doesNotContain("secret\"").contains("customer.registered");
        assertThat(http.send("POST", "/v1/webhooks/" + id + "/test", manager, null)
                        .statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.accepted().isEmpty());
        HttpResponse<String> deliveries = http.get("/v1/webhooks/" + id + "/deliveries", manager);
        assertThat(deliveries.body()).contains("\"type\":\"webhook.test\"").contains("\"status\":\"delivered\"");
        assertThat(http.send("DELETE", "/v1/webhooks/" + id, manager, null).statusCode())
                .isEqualTo(204);
        assertThat(http.get("/v1/webhooks/" + id, manager).statusCode()).isEqualTo(404);
    }

    @Test
    void aPrivateOrMetadataAddressIsRefusedNamingTheUrlField() {
        for (String url :
                new String[] {"http://10.1.2.3/hook", "http://169.254.169.254/latest", "http://[fd00::1]/x"}) {
            HttpResponse<String> refused =
                    http.send("POST", "/v1/webhooks", manager, "{\"url\":\"" + url + "\",\"events\":[\"*\"]}");
            assertThat(refused.statusCode()).as(url).isEqualTo(400);
            assertThat(refused.body()).contains("\"field\":\"url\"").contains("not allowed");
        }
    }

    @Test
    void unknownEventTypesAndMissingFieldsAreNamed() {
        HttpResponse<String> refused = http.send(
                "POST", "/v1/webhooks", manager, "{\"url\":\"" + receiver.url() + "\",\"events\":[\"nope\"]}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("events[0]");
        HttpResponse<String> empty = http.send("POST", "/v1/webhooks", manager, "{}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("\"field\":\"url\"").contains("\"field\":\"events\"");
        assertThat(http.send("POST", "/v1/webhooks", manager, "[1,2]").statusCode())
                .isEqualTo(400);
    }

    @Test
    void aKeyWithoutTheWebhooksScopeIsForbidden() {
        String reader = apiKeys.issue("reader", Set.of(Scope.CUSTOMERS_READ)).key();

        assertThat(http.get("/v1/webhooks", reader).statusCode()).isEqualTo(403);
        assertThat(http.get("/v1/webhooks", null).statusCode()).isEqualTo(401);
    }

    @Test
    void rotatingTheSecretReturnsANewOneAndKeepsTheOldOneForTheOverlap() {
        JsonNode endpoint = create(receiver.url(), "[\"*\"]");
        String id = endpoint.get("id").asString();

        HttpResponse<String> rotated =
                http.send("POST", "/v1/webhooks/" + id + "/rotate-secret", manager, "{\"overlapSeconds\":3600}");

        assertThat(rotated.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(rotated.body());
        assertThat(body.get("secret").asString())
                .startsWith("whsec_")
                .isNotEqualTo(endpoint.get("secret").asString());
        assertThat(body.get("previousSecretUntil").isNull()).isFalse();
        HttpResponse<String> tooLong =
                http.send("POST", "/v1/webhooks/" + id + "/rotate-secret", manager, "{\"overlapSeconds\":99999999}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
    }

    @Test
    void disablingAnEndpointHoldsItsDeliveriesUntilItIsEnabledAgain() {
        JsonNode endpoint = create(receiver.url(), "[\"*\"]");
        String id = endpoint.get("id").asString();
        assertThat(http.send("PATCH", "/v1/webhooks/" + id, manager, "{\"enabled\":false}")
                        .statusCode())
                .isEqualTo(200);

        http.send("POST", "/v1/webhooks/" + id + "/test", manager, null);
        assertThat(http.get("/v1/webhooks/" + id + "/deliveries", manager).body())
                .contains("\"status\":\"pending\"");

        http.send("PATCH", "/v1/webhooks/" + id, manager, "{\"enabled\":true}");
        await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.accepted().isEmpty());
    }
}
