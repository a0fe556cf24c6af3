package io.marketgate.server.aws.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marketgate.server.HttpTestClient;
import io.marketgate.server.aws.AwsClients;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In the zero-configuration demo the embedded simulator delivers lifecycle notifications into the demo
 * product's queue, the notification consumer receives them from it, and the SQS health check (part of
 * readiness) reports that queue. Details are read from the indicator: the HTTP endpoint shows statuses only,
 * as queue URLs are not for anonymous eyes. The consumer empties the queue, so the count that proves
 * delivery is the consumer's, as a delta: other tests share this context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoQueueReceivesNotificationsTest {

    @LocalServerPort
    int port;

    @Autowired
    AwsClients aws;

    @Autowired
    SqsHealthIndicator sqsHealth;

    @Autowired
    MeterRegistry registry;

    @Test
    void subscribingOnTheSimulatorDeliversToTheDemoQueueShownInReadiness() throws Exception {
        URI simulator = aws.endpoints().marketplace().orElseThrow();
        double before = receivedForDemo();
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
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(receivedForDemo()).isGreaterThanOrEqualTo(before + 3));
        assertThat(demoQueue()).hasEntrySatisfying("queue", url -> assertThat(url.toString())
                .endsWith("marketgate-demo-notifications"));
        assertThat(new HttpTestClient(port)
                        .get("/actuator/health/readiness", "application/json")
                        .body())
                .contains("\"sqs\":{\"status\":\"UP\"}");
    }

    private double receivedForDemo() {
        Counter counter = registry.find("marketgate.notifications.received")
                .tag("product", "demo")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> demoQueue() {
        return (Map<String, Object>) sqsHealth.health().getDetails().get("demo");
    }
}
