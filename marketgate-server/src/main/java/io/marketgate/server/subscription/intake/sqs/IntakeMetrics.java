package io.marketgate.server.subscription.intake.sqs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters per product ({@code product} tag; {@code unknown} when the message does not say):
 * {@code marketgate.notifications.received}, {@code .applied}, {@code .duplicates}, {@code .quarantined},
 * {@code .ignored} and {@code .failures} (left on the queue for redelivery); and
 * {@code marketgate.notifications.receive.failures} per queue when SQS itself cannot be read.
 */
public final class IntakeMetrics {

    static final String UNKNOWN_PRODUCT = "unknown";

    private final MeterRegistry registry;

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void received(String product) {
        count("marketgate.notifications.received", product);
    }

    void applied(String product) {
        count("marketgate.notifications.applied", product);
    }

    void duplicate(String product) {
        count("marketgate.notifications.duplicates", product);
    }

    void quarantined(String product) {
        count("marketgate.notifications.quarantined", product);
    }

    void ignored(String product) {
        count("marketgate.notifications.ignored", product);
    }

    void failed(String product) {
        count("marketgate.notifications.failures", product);
    }

    void receiveFailed(String queueName) {
        Counter.builder("marketgate.notifications.receive.failures")
                .description("SQS ReceiveMessage calls that failed")
                .tag("queue", queueName)
                .register(registry)
                .increment();
    }

    private void count(String name, String product) {
        Counter.builder(name)
                .tag("product", product == null ? UNKNOWN_PRODUCT : product)
                .register(registry)
                .increment();
    }
}
