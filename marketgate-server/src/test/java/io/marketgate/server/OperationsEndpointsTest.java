package io.marketgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsEndpointsTest {

    @LocalServerPort
    int port;

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient(port);
    }

    @Test
    void healthIsUpAndIncludesTheDatabase() {
        HttpResponse<String> response = http.get("/actuator/health", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").contains("\"db\"");
    }

    @Test
    void livenessIsUpWithoutTheDatabase() {
        HttpResponse<String> response = http.get("/actuator/health/liveness", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"status\":\"UP\"")
                .contains("livenessState")
                .doesNotContain("\"db\"");
    }

    @Test
    void readinessIsUpAndChecksTheDatabaseAwsAndTheQueues() {
        HttpResponse<String> response = http.get("/actuator/health/readiness", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"status\":\"UP\"")
                .contains("readinessState")
                .contains("\"db\"")
                .contains("\"aws\"")
                .contains("\"sqs\"");
    }

    @Test
    void livenessStaysUpWhenReadinessChecksAws() {
        assertThat(http.get("/actuator/health/liveness", "application/json").body())
                .doesNotContain("\"aws\"")
                .doesNotContain("\"sqs\"");
    }

    @Test
    void prometheusServesMetricsText() {
        HttpResponse<String> response = http.get("/actuator/prometheus", "text/plain");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("# TYPE jvm_memory_used_bytes gauge")
                .contains("hikaricp_connections");
    }

    @Test
    void infoIsExposed() {
        assertThat(http.get("/actuator/info", "application/json").statusCode()).isEqualTo(200);
    }
}
