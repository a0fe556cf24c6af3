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
 * shutdown before the database goes away, each finishing the message in hand. A context stopped and
 * started again (as the test context cache pauses idle contexts) stops and restarts them.
 */
public final class QueueConsumers implements SmartLifecycle, ApplicationListener<ApplicationReadyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(QueueConsumers.class);

    private final java.util.function.Supplier<List<QueueConsumer>> factory;
    private final long stopWaitMillis;
    private volatile List<QueueConsumer> consumers = List.of();
    private volatile boolean lifecycleRunning;
    private volatile boolean applicationReady;

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
        applicationReady = true;
        startConsumers();
    }

    /** At startup the consumers wait for the ready event; after a stop, a start restarts them at once. */
    @Override
    public void start() {
        lifecycleRunning = true;
        if (applicationReady) {
            startConsumers();
        }
    }

    private synchronized void startConsumers() {
        if (!lifecycleRunning || !consumers.isEmpty()) {
            return;
        }
        consumers = factory.get();
        consumers.forEach(QueueConsumer::start);
    }

    @Override
    public void stop(Runnable callback) {
        List<QueueConsumer> stopping;
        synchronized (this) {
            lifecycleRunning = false;
            stopping = consumers;
            consumers = List.of();
        }
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
