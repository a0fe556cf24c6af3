package io.marketgate.simulator.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.sns.SnsSignatureVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The control endpoints for delivery and paging, over HTTP as curl would call them (SQS off: fast). */
class NotificationControlApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Simulator sim;

    @BeforeAll
    static void start() {
        sim = Simulator.builder().port(0).seed(3).build().start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void putChangesOnlyTheNamedFieldsAndAnswersWithAllSettings() throws Exception {
        HttpResponse<String> response = put(
                "/_sim/notifications",
                "{\"duplicates\":\"always\",\"reorderWindow\":3,\"snsSignatureVersion\":\"2\",\"licenseArnPrefix\":true}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("duplicates").doubleValue()).isEqualTo(1.0);
        assertThat(body.get("eventBridge").booleanValue()).isTrue();
        assertThat(sim.notifications().settings())
                .isEqualTo(NotificationSettings.defaults()
                        .withDuplicateProbability(1)
                        .withReorderWindow(3)
                        .withSnsSignatureVersion(SnsSignatureVersion.V2)
                        .withLicenseArnPrefix(true));
        sim.notifications().configure(NotificationSettings.defaults());
    }

    @Test
    void aBadValueIsRejectedNamingTheField() throws Exception {
        HttpResponse<String> response = put("/_sim/notifications", "{\"snsSignatureVersion\":\"3\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("snsSignatureVersion");
        assertThat(put("/_sim/notifications", "{\"duplicate\":1}").body()).contains("unknown field duplicate");
        assertThat(sim.notifications().settings()).isEqualTo(NotificationSettings.defaults());
    }

    @Test
    void emptyPagesAreSwitchedOnAndOffThroughTheControlApi() throws Exception {
        assertThat(put("/_sim/entitlements", "{\"emptyPageEvery\":3}").statusCode())
                .isEqualTo(200);
        assertThat(sim.entitlementPaging().emptyPageEvery()).isEqualTo(3);
        assertThat(put("/_sim/entitlements", "{\"emptyPageEvery\":1}").body()).contains("emptyPageEvery");
        assertThat(put("/_sim/entitlements", "{\"emptyPageEvery\":0}").statusCode())
                .isEqualTo(200);
        assertThat(sim.entitlementPaging().emptyPageEvery()).isZero();
    }

    @Test
    void withoutSqsThereIsNoQueueEndpointButTheCertificateIsServed() throws Exception {
        assertThatThrownBy(sim::sqsEndpoint).hasMessageContaining("sqs(true)");
        HttpResponse<String> pem = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(sim.endpoint() + "/_sim/sns/SimpleNotificationService-marketgate.pem"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(pem.body()).startsWith("-----BEGIN CERTIFICATE-----");
    }

    private static HttpResponse<String> put(String path, String json) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(sim.endpoint() + path))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
