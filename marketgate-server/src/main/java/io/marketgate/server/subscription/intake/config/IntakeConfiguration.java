package io.marketgate.server.subscription.intake.config;

import io.marketgate.server.aws.AwsClients;
import io.marketgate.server.aws.NotificationQueues;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.Product;
import io.marketgate.server.shared.InvalidConfigurationException;
import io.marketgate.server.subscription.NotificationSink;
import io.marketgate.server.subscription.intake.HttpCertificateFetcher;
import io.marketgate.server.subscription.intake.NotificationIntake;
import io.marketgate.server.subscription.intake.SnsSignatureVerifier;
import io.marketgate.server.subscription.intake.TopicAllowList;
import io.marketgate.server.subscription.intake.jdbc.JdbcQuarantine;
import io.marketgate.server.subscription.intake.sqs.ConsumerSettings;
import io.marketgate.server.subscription.intake.sqs.IntakeMetrics;
import io.marketgate.server.subscription.intake.sqs.QueueConsumer;
import io.marketgate.server.subscription.intake.sqs.QueueConsumers;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the notification intake: verification, the quarantine and one consumer per queue. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeProperties.class)
class IntakeConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeConfiguration.class);

    @Bean
    NotificationIntake notificationIntake(IntakeProperties properties, Catalog catalog, AwsClients aws, Clock clock) {
        var verifier = new SnsSignatureVerifier(
                SnsTrustSettings.trust(properties.sns(), catalog, aws),
                new HttpCertificateFetcher(properties.sns().certificateFetchTimeout()),
                clock);
        return new NotificationIntake(
                catalog,
                verifier,
                new TopicAllowList(allowedTopics(properties, catalog)),
                Set.copyOf(properties.eventBridge().allowedSources()));
    }

    @Bean
    QueueConsumers queueConsumers(
            IntakeProperties properties,
            Catalog catalog,
            NotificationQueues queues,
            NotificationIntake intake,
            ObjectProvider<NotificationSink> sink,
            JdbcQuarantine quarantine,
            MeterRegistry registry) {
        ConsumerSettings settings = settings(properties);
        IntakeMetrics metrics = new IntakeMetrics(registry);
        long stopWait = properties.waitTime().plusSeconds(5).toMillis();
        return new QueueConsumers(
                () -> {
                    if (!properties.enabled()) {
                        LOG.info("marketgate.notifications.enabled=false: no notification queue is consumed");
                        return List.of();
                    }
                    NotificationSink target = sink.getIfAvailable();
                    if (target == null) {
                        LOG.warn("No NotificationSink in this build: lifecycle notifications are not consumed");
                        return List.of();
                    }
                    List<QueueConsumer> consumers = new ArrayList<>();
                    productsByQueue(catalog, queues)
                            .forEach((url, products) -> consumers.add(new QueueConsumer(
                                    url,
                                    products,
                                    queues.sqs(products.getFirst(), url),
                                    intake,
                                    target,
                                    quarantine,
                                    metrics,
                                    settings)));
                    return consumers;
                },
                stopWait);
    }

    /** Products sharing a queue share its consumer. */
    static Map<String, List<Product>> productsByQueue(Catalog catalog, NotificationQueues queues) {
        Map<String, List<Product>> byQueue = new LinkedHashMap<>();
        for (Product product : catalog.products()) {
            queues.queueUrl(product).ifPresent(url -> byQueue.computeIfAbsent(url, u -> new ArrayList<>())
                    .add(product));
        }
        return byQueue;
    }

    static ConsumerSettings settings(IntakeProperties properties) {
        Duration wait = properties.waitTime();
        if (wait.isNegative() || wait.compareTo(Duration.ofSeconds(20)) > 0) {
            throw new InvalidConfigurationException(
                    "marketgate.notifications.wait-time", "is " + wait + ", outside SQS's 0 to 20 s", "use e.g. 20s");
        }
        Duration visibility = properties.visibilityTimeout();
        if (visibility.compareTo(Duration.ofSeconds(1)) < 0 || visibility.compareTo(Duration.ofHours(12)) > 0) {
            throw new InvalidConfigurationException(
                    "marketgate.notifications.visibility-timeout",
                    "is " + visibility + ", outside SQS's 1 s to 12 h",
                    "use e.g. 60s");
        }
        if (properties.maxMessages() < 1 || properties.maxMessages() > 10) {
            throw new InvalidConfigurationException(
                    "marketgate.notifications.max-messages",
                    "is " + properties.maxMessages() + ", outside SQS's 1 to 10",
                    "use 10");
        }
        return new ConsumerSettings(wait, visibility, properties.maxMessages(), properties.receiveRetryDelay());
    }

    private static Map<String, Set<String>> allowedTopics(IntakeProperties properties, Catalog catalog) {
        Map<String, Set<String>> topics = new LinkedHashMap<>();
        properties.allowedTopics().forEach((productId, arns) -> {
            if (catalog.product(productId).isEmpty()) {
                throw new InvalidConfigurationException(
                        "marketgate.notifications.allowed-topics." + productId,
                        "names no configured product",
                        "use a product id from marketgate.products");
            }
            topics.put(productId, new LinkedHashSet<>(arns));
        });
        return topics;
    }
}
