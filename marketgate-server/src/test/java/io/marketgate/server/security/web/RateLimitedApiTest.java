package io.marketgate.server.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.security.ApiKeys;
import io.marketgate.server.security.Scope;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A key over its budget gets 429 with Retry-After; another key is unaffected. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "marketgate.security.rate-limit.capacity=2",
            "marketgate.security.rate-limit.refill-tokens=1",
            "marketgate.security.rate-limit.refill-period=1h"
        })
class RateLimitedApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Test
    void aKeyOverItsLimitGets429WithRetryAfter() {
        BearerHttp http = new BearerHttp(port);
        String key = apiKeys.issue("busy", Set.of(Scope.ADMIN)).key();
        String other = apiKeys.issue("quiet", Set.of(Scope.ADMIN)).key();

        assertThat(http.get("/v1/api-keys", key).statusCode()).isEqualTo(200);
        assertThat(http.get("/v1/api-keys", key).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = http.get("/v1/api-keys", key);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(limited.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(3500L, 3600L));
        assertThat(http.get("/v1/api-keys", other).statusCode()).isEqualTo(200);
    }
}
