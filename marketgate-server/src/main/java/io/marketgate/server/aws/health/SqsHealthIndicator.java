package io.marketgate.server.aws.health;

import io.marketgate.server.aws.NotificationQueues;
import io.marketgate.server.aws.config.AwsProperties;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.Product;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Whether each product's notification queue answers, with its depth: a growing backlog means lifecycle
 * events are not being consumed. Readiness only, like the AWS check; refreshed off the probe's path.
 */
@Component("sqs")
public class SqsHealthIndicator extends RefreshingHealthIndicator {

    private final NotificationQueues queues;
    private final Catalog catalog;

    public SqsHealthIndicator(NotificationQueues queues, Catalog catalog, AwsProperties properties, Clock clock) {
        super(properties.healthRefresh(), clock);
        this.queues = queues;
        this.catalog = catalog;
    }

    @Override
    protected Health check() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean up = true;
        for (Product product : catalog.products()) {
            Optional<String> url = queues.queueUrl(product);
            if (url.isEmpty()) {
                details.put(
                        product.id(), "no queue configured (marketgate.products." + product.id() + ".sqs.queue-url)");
                continue;
            }
            try {
                GetQueueAttributesResponse attributes = queues.sqs(product, url.get())
                        .getQueueAttributes(r -> r.queueUrl(url.get())
                                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
                details.put(
                        product.id(),
                        Map.of(
                                "queue",
                                url.get(),
                                "messages",
                                attributes
                                        .attributes()
                                        .getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "?")));
            } catch (SdkException e) {
                up = false;
                details.put(product.id(), "unreachable: " + e.getClass().getSimpleName());
            }
        }
        return outcome(up, details);
    }
}
