package io.marketgate.server.subscription.intake;

import io.marketgate.server.product.Dimension;
import io.marketgate.server.product.DimensionType;
import io.marketgate.server.product.IdentityMode;
import io.marketgate.server.product.Onboarding;
import io.marketgate.server.product.PricingModel;
import io.marketgate.server.product.Product;
import io.marketgate.server.product.Seller;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.sns.SnsEnvelopes;
import io.marketgate.simulator.sns.SnsNotification;
import io.marketgate.simulator.sns.SnsSignatureVersion;
import io.marketgate.simulator.state.SimState;
import io.marketgate.simulator.state.SubscribeOptions;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A simulator with its embedded SQS, delivering real, signed lifecycle notifications: products whose SNS
 * messages and EventBridge events share one queue (as a Marketgate product's queue does), and a reader that
 * takes the raw message bodies.
 */
public final class SimulatedNotifications implements AutoCloseable {

    public static final String SELLER_ACCOUNT = "111122223333";

    private final Simulator sim;
    private final SqsClient sqs;

    public SimulatedNotifications(long seed) {
        this.sim = Simulator.builder()
                .port(0)
                .sqs(true)
                .sqsPort(0)
                .seed(seed)
                .build()
                .start();
        this.sqs = SqsClient.builder()
                .endpointOverride(sim.sqsEndpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(SELLER_ACCOUNT, "secret")))
                .httpClient(ApacheHttpClient.create())
                .build();
    }

    public Simulator simulator() {
        return sim;
    }

    public SqsClient sqs() {
        return sqs;
    }

    /** Where the simulator serves its signing certificate: what a demo trusts. */
    public URI certificateUrl() {
        return URI.create(sim.endpoint() + SnsEnvelopes.CERTIFICATE_PATH);
    }

    /** A product in the simulator whose SNS messages and EventBridge events go to {@link #queueName}. */
    public Product product(String code, PricingModel pricing) {
        sim.state()
                .putProduct(new io.marketgate.simulator.state.Product(
                        code,
                        "Product " + code,
                        SELLER_ACCOUNT,
                        io.marketgate.simulator.state.IdentityMode.LEGACY,
                        io.marketgate.simulator.state.PricingModel.valueOf(pricing.name()),
                        List.of(new io.marketgate.simulator.state.Dimension("users", "Users", true)),
                        "http://127.0.0.1/fulfillment",
                        queueName(code),
                        queueName(code)));
        return serverProduct(code, pricing);
    }

    public static Product serverProduct(String code, PricingModel pricing) {
        Seller seller = new Seller("seller", SELLER_ACCOUNT, null, null, "us-east-1");
        return new Product(
                code.toLowerCase(Locale.ROOT) + "-id",
                code,
                seller,
                IdentityMode.LEGACY,
                pricing,
                "us-east-1",
                List.of(new Dimension("users", "Users", DimensionType.METERED)),
                Onboarding.AUTOMATIC,
                null);
    }

    public static String queueName(String code) {
        return "q-" + code.toLowerCase(Locale.ROOT);
    }

    public SimState.Subscription subscribe(String code, String buyerAccountId) {
        return sim.state().subscribe(code, buyerAccountId, SubscribeOptions.standard());
    }

    public SimState.Subscription subscribeThroughReseller(String code, String buyerAccountId, String reseller) {
        return sim.state().subscribe(code, buyerAccountId, new SubscribeOptions(null, null, reseller, List.of(), true));
    }

    /** An envelope the simulator signs for any message text, e.g. AWS's documented odd examples. */
    public String signed(String topicArn, String message, SnsSignatureVersion version) {
        return new SnsEnvelopes(() -> sim.notifications().signingCertificate(), sim::endpoint)
                .envelope(
                        new SnsNotification(topicArn, message, null),
                        UUID.randomUUID().toString(),
                        Instant.parse("2026-03-15T10:20:00.123Z"),
                        version);
    }

    /** Receives (and deletes) raw bodies until {@code count} arrived; fails after ten seconds. */
    public List<String> take(String queueName, int count) {
        List<String> bodies = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (bodies.size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected " + count + " messages in " + queueName + ", got " + bodies);
            }
            String url = queueUrl(queueName);
            List<Message> messages = sqs.receiveMessage(
                            b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            for (Message message : messages) {
                bodies.add(message.body());
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
        }
        return bodies;
    }

    /** The queue's URL, creating it (idempotently) if no notification has arrived yet. */
    public String queueUrl(String queueName) {
        return sqs.createQueue(b -> b.queueName(queueName)).queueUrl();
    }

    /** Sends a raw body to a queue, as SNS or EventBridge (or an attacker with send rights) would. */
    public void send(String queueUrl, String body) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }

    @Override
    public void close() {
        sqs.close();
        sim.close();
    }
}
