package io.marketgate.simulator.sqs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers messages the way SNS and EventBridge do to SQS: at least once, not necessarily in order,
 * after a while. Duplicates and reordering are drawn from one seeded {@link Random}, in submission order,
 * so the same seed and the same lifecycle events give the same delivered sequence. Deliveries run on one
 * thread, in the order they are released.
 */
final class DeliveryPipeline implements AutoCloseable {

    /** Where messages finally go (ElasticMQ). */
    @FunctionalInterface
    interface Sink {
        void send(String queue, String body) throws Exception;
    }

    /** A partly filled reorder window is released after this much quiet time. */
    static final long REORDER_IDLE_MS = 250;

    private static final Logger LOG = Logger.getLogger(DeliveryPipeline.class.getName());

    private final Random random;
    private final Supplier<NotificationSettings> settings;
    private final Sink sink;
    private ScheduledExecutorService executor;
    private final List<OutgoingMessage> reorderBuffer = new ArrayList<>();
    private long bufferGeneration;

    DeliveryPipeline(long seed, Supplier<NotificationSettings> settings, Sink sink) {
        this.random = new Random(seed);
        this.settings = settings;
        this.sink = sink;
    }

    /** Accepts the messages of one lifecycle event, in the order AWS would send them. */
    synchronized void submit(List<OutgoingMessage> messages) {
        NotificationSettings current = settings.get();
        List<OutgoingMessage> copies = new ArrayList<>();
        for (OutgoingMessage message : messages) {
            copies.add(message);
            if (random.nextDouble() < current.duplicateProbability()) {
                copies.add(message);
            }
        }
        if (current.reorderWindow() < 2) {
            flush();
            copies.forEach(message -> schedule(message, current));
            return;
        }
        reorderBuffer.addAll(copies);
        while (reorderBuffer.size() >= current.reorderWindow()) {
            List<OutgoingMessage> window = new ArrayList<>(reorderBuffer.subList(0, current.reorderWindow()));
            reorderBuffer.subList(0, current.reorderWindow()).clear();
            release(window, current);
        }
        scheduleIdleFlush();
    }

    /** Releases messages held back for reordering now, shuffled as a (short) window of their own. */
    synchronized void flush() {
        if (!reorderBuffer.isEmpty()) {
            List<OutgoingMessage> window = new ArrayList<>(reorderBuffer);
            reorderBuffer.clear();
            release(window, settings.get());
        }
    }

    /** Stops delivering; messages not yet delivered are dropped. A later submit starts a new thread. */
    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    private ScheduledExecutorService executor() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "marketgate-sim-notification-delivery");
                thread.setDaemon(true);
                return thread;
            });
        }
        return executor;
    }

    private void release(List<OutgoingMessage> window, NotificationSettings current) {
        Collections.shuffle(window, random);
        window.forEach(message -> schedule(message, current));
    }

    private void scheduleIdleFlush() {
        long generation = ++bufferGeneration;
        executor()
                .schedule(
                        () -> {
                            synchronized (this) {
                                if (generation == bufferGeneration) {
                                    flush();
                                }
                            }
                        },
                        REORDER_IDLE_MS,
                        TimeUnit.MILLISECONDS);
    }

    private void schedule(OutgoingMessage message, NotificationSettings current) {
        long delay = current.delayMs() + message.extraDelayMs();
        executor().schedule(() -> deliver(message), delay, TimeUnit.MILLISECONDS);
    }

    private void deliver(OutgoingMessage message) {
        try {
            sink.send(message.queue(), message.body());
        } catch (Exception e) {
            LOG.log(Level.WARNING, "could not deliver a notification to queue " + message.queue(), e);
        }
    }
}
