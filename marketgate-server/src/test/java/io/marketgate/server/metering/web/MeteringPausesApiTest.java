package io.marketgate.server.metering.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.metering.jdbc.JdbcSubmissions;
import io.marketgate.server.security.ApiKeys;
import io.marketgate.server.security.Scope;
import io.marketgate.server.security.web.BearerHttp;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /v1/metering/pauses}: an admin sees which products are paused and lifts a pause; other keys cannot. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MeteringPausesApiTest {

    private static final String PRODUCT = "demo-product";

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    JdbcSubmissions submissions;

    @Test
    void anAdminListsAndLiftsAPauseAndOtherKeysCannot() {
        BearerHttp http = new BearerHttp(port);
        String admin = apiKeys.issue("operations", Set.of(Scope.ADMIN)).key();
        String reader = apiKeys.issue("reader", Set.of(Scope.CUSTOMERS_READ)).key();
        // As DisabledApiException leaves it.
        submissions.pause(PRODUCT, "DisabledApiException: The API is disabled in the Region.", Instant.now());
        try {
            assertThat(http.get("/v1/metering/pauses", reader).statusCode()).isEqualTo(403);
            assertThat(http.send("DELETE", "/v1/metering/pauses/" + PRODUCT, reader, null)
                            .statusCode())
                    .isEqualTo(403);
            HttpResponse<String> listed = http.get("/v1/metering/pauses", admin);
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(listed.body())
                    .contains("\"sending\":true")
                    .contains("\"productId\":\"" + PRODUCT + "\"")
                    .contains("DisabledApiException");

            HttpResponse<String> lifted = http.send("DELETE", "/v1/metering/pauses/" + PRODUCT, admin, null);

            assertThat(lifted.statusCode()).isEqualTo(200);
            assertThat(lifted.body())
                    .contains("\"productId\":\"" + PRODUCT + "\"")
                    .contains("\"pausedAt\":\"");
            assertThat(submissions.pausedReason(PRODUCT)).isEmpty();
            assertThat(http.get("/v1/metering/pauses", admin).body()).contains("\"pauses\":[]");
            HttpResponse<String> again = http.send("DELETE", "/v1/metering/pauses/" + PRODUCT, admin, null);
            assertThat(again.statusCode()).isEqualTo(404);
            assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(again.body()).contains("Metering of product " + PRODUCT + " is not paused");
        } finally {
            submissions.lift(PRODUCT);
        }
    }
}
