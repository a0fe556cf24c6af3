package io.marketgate.server.metering.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.security.ApiKeys;
import io.marketgate.server.security.Scope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code POST /v1/usage} and the reconciliation over HTTP: keys and scopes, per-event answers, 400s naming the field. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UsageApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    private HttpResponse<String> call(String method, String path, String key, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void usageNeedsAKeyWithTheUsageScopeAndEachEventGetsItsOwnAnswer() throws Exception {
        String usage = apiKeys.issue("usage", Set.of(Scope.USAGE_WRITE)).key();
        String reader = apiKeys.issue("reader", Set.of(Scope.CUSTOMERS_READ)).key();
        String body = "{\"events\": [{\"id\": \"e1\", \"customer\": \"nobody\", \"dimension\": \"requests\","
                + " \"quantity\": 1, \"timestamp\": \"2026-03-10T10:00:00Z\"}, {\"id\": \"e2\", \"quantity\": \"x\"}]}";

        assertThat(call("POST", "/v1/usage", null, "application/json", body).statusCode())
                .isEqualTo(401);
        assertThat(call("POST", "/v1/usage", reader, "application/json", body).statusCode())
                .isEqualTo(403);
        HttpResponse<String> answered = call("POST", "/v1/usage", usage, "application/json", body);

        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body())
                .contains("\"id\":\"e1\",\"status\":\"rejected\"")
                .contains("unknown customer")
                .contains("\"id\":\"e2\",\"status\":\"rejected\"")
                .contains("quantity: must be a number");
        HttpResponse<String> ndjson =
                call("POST", "/v1/usage", usage, "application/x-ndjson", "{\"id\": \"n1\"}\nnot json\n");
        assertThat(ndjson.body()).contains("\"n1\"").contains("line 2: not valid JSON");
    }

    @Test
    void badRequestsAreProblemsNamingTheField() throws Exception {
        String usage = apiKeys.issue("usage", Set.of(Scope.USAGE_WRITE)).key();
        String reader = apiKeys.issue("reader", Set.of(Scope.CUSTOMERS_READ)).key();

        HttpResponse<String> noEvents = call("POST", "/v1/usage", usage, "application/json", "{\"event\": []}");
        assertThat(noEvents.statusCode()).isEqualTo(400);
        assertThat(noEvents.body()).contains("events");
        HttpResponse<String> noRange =
                call("GET", "/v1/metering/reconciliation?from=2026-03-10T00:00:00Z", reader, null, null);
        assertThat(noRange.statusCode()).isEqualTo(400);
        assertThat(noRange.body()).contains("to");
        HttpResponse<String> books = call(
                "GET",
                "/v1/metering/reconciliation?from=2026-03-10T00:00:00Z&to=2026-03-11T00:00:00Z",
                reader,
                null,
                null);
        assertThat(books.statusCode()).isEqualTo(200);
        assertThat(books.body()).contains("\"balanced\":true");
    }
}
