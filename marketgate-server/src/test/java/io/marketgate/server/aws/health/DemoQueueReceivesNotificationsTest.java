package io.marketgate.server.aws.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marketgate.server.HttpTestClient;
import io.marketgate.server.aws.AwsClients;
import io.marketgate.server.aws.NotificationQueues;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.Product;
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
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * In the zero-configuration demo the embedded simulator delivers lifecycle notifications into the demo
 * product's queue, and the SQS health check (part of readiness) reports that queue's depth. Details are
 * read from the indicator: the HTTP endpoint shows statuses only, as queue URLs are not for anonymous eyes.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // An instance that consumes no queue, so the messages stay where the health check counts them.
        properties = "marketgate.notifications.enabled=false")
class DemoQueueReceivesNotificationsTest {

    @LocalServerPort
    int port;

    @Autowired
    AwsClients aws;

    @Autowired
    SqsHealthIndicator sqsHealth;

    @Autowired
    NotificationQueues queues;

    @Autowired
    Catalog catalog;

    @Test
    void subscribingOnTheSimulatorFillsTheDemoQueueShownInReadiness() throws Exception {
        URI simulator = aws.endpoints().marketplace().orElseThrow();
        // Earlier subscriptions may have left messages in the queue: count from here, read from SQS itself
        // (the health details are refreshed in the background, so they may lag).
        int before = queueDepth();
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
        // Delivery and the health check's refresh are asynchronous: wait for the delta with a deadline.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(messages()).isEqualTo(before + 3));
        assertThat(demoQueue()).hasEntrySatisfying("queue", url -> assertThat(url.toString())
                .endsWith("marketgate-demo-notifications"));
        assertThat(new HttpTestClient(port)
                        .get("/actuator/health/readiness", "application/json")
                        .body())
                .contains("\"sqs\":{\"status\":\"UP\"}");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> demoQueue() {
        return (Map<String, Object>) sqsHealth.health().getDetails().get("demo");
    }

    private int queueDepth() {
        Product demo = catalog.product("demo").orElseThrow();
        String url = queues.queueUrl(demo).orElseThrow();
        return Integer.parseInt(queues.sqs(demo, url)
                .getQueueAttributes(
                        r -> r.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private int messages() {
        return Integer.parseInt(demoQueue().get("messages").toString());
    }
}
