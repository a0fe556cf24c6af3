package io.marketgate.simulator.sqs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two SQS calls delivery needs (CreateQueue, SendMessage), sent to the embedded ElasticMQ over its
 * AWS JSON protocol. Plain HTTP, because the simulator's main code does not depend on the AWS SDK.
 */
final class ElasticMqClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final URI endpoint;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    ElasticMqClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** Sends the body to the named queue, creating the queue on first use. */
    void send(String queueName, String body) throws IOException, InterruptedException {
        call("SendMessage", Map.of("QueueUrl", queueUrl(queueName), "MessageBody", body));
    }

    /** The queue's URL; CreateQueue is idempotent for a queue with the same attributes. */
    String queueUrl(String queueName) throws IOException, InterruptedException {
        String known = queueUrls.get(queueName);
        if (known != null) {
            return known;
        }
        String url = call("CreateQueue", Map.of("QueueName", queueName))
                .get("QueueUrl")
                .stringValue();
        queueUrls.put(queueName, url);
        return url;
    }

    private JsonNode call(String operation, Map<String, String> request) throws IOException, InterruptedException {
        HttpRequest httpRequest = HttpRequest.newBuilder(endpoint.resolve("/"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AmazonSQS." + operation)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request)))
                .build();
        HttpResponse<String> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(
                    "SQS " + operation + " failed with HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
