package io.marketgate.server.aws.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.HttpTestClient;
import io.marketgate.server.aws.AwsClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In the zero-configuration demo the embedded simulator delivers lifecycle notifications into the demo
 * product's queue, and the SQS health check (part of readiness) reports that queue's depth. Details are
 * read from the indicator: the HTTP endpoint shows statuses only, as queue URLs are not for anonymous eyes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoQueueReceivesNotificationsTest {

    @LocalServerPort
    int port;

    @Autowired
    AwsClients aws;

    @Autowired
    SqsHealthIndicator sqsHealth;

    @Test
    void subscribingOnTheSimulatorFillsTheDemoQueueShownInReadiness() throws Exception {
        URI simulator = aws.endpoints().marketplace().orElseThrow();
        int before = Integer.parseInt(demoQueue().get("messages").toString());
        HttpResponse<String> subscribed = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(simulator.resolve("/_sim/agreements"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"productCode\": \"demo-product\", \"buyerAccountId\": \"222233334444\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(subscribed.statusCode()).isBetween(200, 201);

        // subscribe-success (SNS), Purchase Agreement Created and License Updated (EventBridge): one queue.
        assertThat(demoQueueEventually("3"))
                .containsEntry("messages", "3")
                .hasEntrySatisfying(
                        "queue", url -> assertThat(url.toString()).endsWith("marketgate-demo-notifications"));
        assertThat(new HttpTestClient(port)
                        .get("/actuator/health/readiness", "application/json")
                        .body())
                .contains("\"sqs\":{\"status\":\"UP\"}");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> demoQueue() {
        return (Map<String, Object>) sqsHealth.health().getDetails().get("demo");
    }

    /** The demo queue's details once it holds {@code expected} messages, or after 10 s (delivery is asynchronous). */
    private Map<String, Object> demoQueueEventually(String expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        Map<String, Object> demo;
        do {
            demo = demoQueue();
            if (expected.equals(demo.get("messages"))) {
                return demo;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        return demo;
    }
}
