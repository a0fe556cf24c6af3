package io.marketgate.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a simulator's queues with the real AWS SDK v2 SqsClient, as a seller's poller would. */
public final class QueueReader implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SqsClient sqs;

    public QueueReader(Simulator sim) {
        this.sqs = SqsClient.builder()
                .endpointOverride(sim.sqsEndpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(ApacheHttpClient.create())
                .build();
    }

    /** Receives and deletes messages until {@code count} arrived; fails after ten seconds. */
    public List<JsonNode> take(String queueName, int count) {
        List<JsonNode> bodies = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (bodies.size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected " + count + " messages in " + queueName + ", got " + bodies);
            }
            for (Message message : receive(queueName)) {
                bodies.add(JSON.readTree(message.body()));
            }
        }
        return bodies;
    }

    /** Everything that arrives until the queue stays empty for a second: for asserting that nothing more came. */
    public List<JsonNode> drain(String queueName) {
        List<JsonNode> bodies = new ArrayList<>();
        List<Message> batch;
        do {
            batch = receive(queueName);
            batch.forEach(m -> bodies.add(JSON.readTree(m.body())));
        } while (!batch.isEmpty());
        return bodies;
    }

    @Override
    public void close() {
        sqs.close();
    }

    /**
     * One long-polled receive. The queue is created if the simulator has not delivered to it yet (CreateQueue
     * is idempotent, the simulator creates it the same way), so an empty answer always means a second waited.
     */
    private List<Message> receive(String queueName) {
        String url = sqs.createQueue(b -> b.queueName(queueName)).queueUrl();
        List<Message> messages = sqs.receiveMessage(
                        b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
        messages.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
        return messages;
    }
}
