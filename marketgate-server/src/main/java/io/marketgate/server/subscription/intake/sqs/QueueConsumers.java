package io.marketgate.server.subscription.intake.sqs;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * The queue consumers' lifecycle: they start once the application is ready (the queues of the embedded
 * simulator exist by then, and nothing is consumed by an instance that failed to start) and stop on
 * shutdown before the database goes away, each finishing the message in hand.
 */
public final class QueueConsumers implements SmartLifecycle, ApplicationListener<ApplicationReadyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(QueueConsumers.class);

    private final java.util.function.Supplier<List<QueueConsumer>> factory;
    private final long stopWaitMillis;
    private volatile List<QueueConsumer> consumers = List.of();
    private volatile boolean lifecycleRunning;

    /**
     * @param factory makes one consumer per queue, called once the application is ready
     * @param stopWaitMillis how long shutdown waits for a consumer in a long poll to return
     */
    public QueueConsumers(java.util.function.Supplier<List<QueueConsumer>> factory, long stopWaitMillis) {
        this.factory = factory;
        this.stopWaitMillis = stopWaitMillis;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!lifecycleRunning) {
            return;
        }
        synchronized (this) {
            if (!consumers.isEmpty()) {
                return;
            }
            consumers = factory.get();
            consumers.forEach(QueueConsumer::start);
        }
    }

    @Override
    public void start() {
        lifecycleRunning = true;
    }

    @Override
    public void stop(Runnable callback) {
        lifecycleRunning = false;
        List<QueueConsumer> stopping = consumers;
        stopping.forEach(QueueConsumer::requestStop);
        Thread.ofPlatform().name("notifications-stop").daemon(true).start(() -> {
            try {
                for (QueueConsumer consumer : stopping) {
                    if (!consumer.awaitStopped(stopWaitMillis)) {
                        LOG.warn(
                                "Notification queue {} did not stop within {} ms; its message in hand will be"
                                        + " redelivered",
                                consumer.queueName(),
                                stopWaitMillis);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                consumers = List.of();
                callback.run();
            }
        });
    }

    @Override
    public void stop() {
        stop(() -> {});
    }

    @Override
    public boolean isRunning() {
        return lifecycleRunning;
    }

    /** The running consumers (for tests and health). */
    public List<QueueConsumer> consumers() {
        return consumers;
    }
}
