package io.marketgate.server.aws;

import io.marketgate.server.product.Product;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Where each product's lifecycle notifications arrive: the configured SQS queue URL, or, for products
 * served by the embedded simulator, a queue in its SQS created on first use.
 */
public final class NotificationQueues {

    /** sqs.REGION, sqs-fips.REGION, legacy REGION.queue, and VPC endpoints (vpce-....sqs.REGION.vpce). */
    private static final Pattern AWS_QUEUE_HOST = Pattern.compile(
            "(?:sqs(?:-fips)?\\.([a-z0-9-]+)|([a-z]{2}(?:-[a-z]+)+-\\d)\\.queue|[a-z0-9-]+\\.sqs\\.([a-z0-9-]+)\\.vpce)"
                    + "\\.amazonaws\\.com(?:\\.cn)?");

    private final AwsClients clients;
    private final Map<String, String> simulatorQueues = new ConcurrentHashMap<>();

    public NotificationQueues(AwsClients clients) {
        this.clients = clients;
    }

    /** The product's queue URL, if it has one. */
    public Optional<String> queueUrl(Product product) {
        if (product.notificationQueueUrl() != null) {
            return Optional.of(product.notificationQueueUrl());
        }
        return Optional.ofNullable(simulatorQueues.get(product.id()));
    }

    /** The SQS client for the product's queue: its seller's credentials, the queue's region. */
    public SqsClient sqs(Product product, String queueUrl) {
        return clients.sqs(product.seller(), regionOf(queueUrl));
    }

    /** Creates (idempotently) the simulator's queue for a product that has no configured queue. */
    public void useSimulatorQueue(Product product, String queueName) {
        if (product.notificationQueueUrl() == null) {
            String url = clients.sqs(product.seller(), Region.US_EAST_1)
                    .createQueue(r -> r.queueName(queueName))
                    .queueUrl();
            simulatorQueues.put(product.id(), url);
        }
    }

    /**
     * The region in an AWS queue URL ({@code https://sqs.eu-west-1.amazonaws.com/...} and its other forms).
     * Any other host is an SQS-compatible endpoint (the simulator's, or one behind
     * {@code marketgate.aws.sqs-endpoint-override}), which is region-agnostic: us-east-1 signs for it.
     */
    static Region regionOf(String queueUrl) {
        String host = URI.create(queueUrl).getHost();
        Matcher matcher = AWS_QUEUE_HOST.matcher(host == null ? "" : host);
        if (!matcher.matches()) {
            return Region.US_EAST_1;
        }
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
                return Region.of(matcher.group(group));
            }
        }
        return Region.US_EAST_1;
    }
}
