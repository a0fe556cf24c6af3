package io.marketgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.security.ApiKeys;
import io.marketgate.server.security.Scope;
import io.marketgate.server.security.web.BearerHttp;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsEndpointsTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    private HttpTestClient http;
    private BearerHttp keyed;
    private String admin;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient(port);
        keyed = new BearerHttp(port);
        admin = apiKeys.issue("operations", Set.of(Scope.ADMIN)).key();
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
    void readinessNamesTheSimulatorTheDemoUses() {
        assertThat(http.get("/actuator/health/readiness", "application/json").body())
                .contains("\"simulator\":{\"status\":\"UP\"}");
        assertThat(keyed.get("/actuator/health/readiness", admin).body())
                .contains("AWS calls go to the AWS Marketplace simulator");
    }

    @Test
    void livenessStaysUpWhenReadinessChecksAws() {
        assertThat(http.get("/actuator/health/liveness", "application/json").body())
                .doesNotContain("\"aws\"")
                .doesNotContain("\"sqs\"");
    }

    @Test
    void prometheusServesMetricsTextToAnAdminKey() {
        HttpResponse<String> response = keyed.get("/actuator/prometheus", admin);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("# TYPE jvm_memory_used_bytes gauge")
                .contains("hikaricp_connections");
    }

    @Test
    void infoIsExposedToAnAdminKey() {
        assertThat(keyed.get("/actuator/info", admin).statusCode()).isEqualTo(200);
    }

    @Test
    void metricsAndInfoNeedAnAdminKeyOnThePublicPort() {
        String reader = apiKeys.issue("reader", Set.of(Scope.CUSTOMERS_READ)).key();

        assertThat(http.get("/actuator/prometheus", "text/plain").statusCode()).isEqualTo(401);
        assertThat(keyed.get("/actuator/prometheus", reader).statusCode()).isEqualTo(403);
        assertThat(http.get("/actuator/info", "application/json").statusCode()).isEqualTo(401);
        assertThat(http.get("/actuator", "application/json").statusCode()).isEqualTo(401);
        assertThat(http.get("/actuator/metrics", "application/json").statusCode())
                .isEqualTo(401);
    }

    @Test
    void healthShowsStatusesOnlyWithoutAnAdminKey() {
        String reader = apiKeys.issue("reader", Set.of(Scope.CUSTOMERS_READ)).key();

        assertThat(http.get("/actuator/health", "application/json").body()).doesNotContain("\"details\"");
        assertThat(keyed.get("/actuator/health/readiness", reader).body()).doesNotContain("\"details\"");
        HttpResponse<String> detailed = keyed.get("/actuator/health/readiness", admin);
        assertThat(detailed.statusCode()).isEqualTo(200);
        assertThat(detailed.body()).contains("\"details\"").contains("marketgate-demo-notifications");
    }

    @Test
    void noPathSpellingReachesMetricsWithoutAKey() {
        for (String path : List.of(
                "/actuator/health/../prometheus",
                "/actuator/health/..;/prometheus",
                "/actuator/health/%2e%2e/prometheus",
                "/actuator/health;x=1/../prometheus",
                "/actuator/prometheus;x=1",
                "/actuator/prometheus/",
                "/actuator//prometheus",
                "//actuator/prometheus",
                "/actuator/%70rometheus",
                "/ACTUATOR/prometheus")) {
            HttpResponse<String> response = http.get(path, "*/*");
            assertThat(response.body()).as(path).doesNotContain("# TYPE");
            assertThat(response.statusCode()).as(path).isNotEqualTo(200);
        }
    }

    @Test
    void healthWithAnInvalidKeyIs401() {
        assertThat(keyed.get("/actuator/health", "mg_abcdefghij234567_" + "A".repeat(43))
                        .statusCode())
                .isEqualTo(401);
    }
}
