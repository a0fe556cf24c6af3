package io.marketgate.server.subscription.intake.sqs;

import io.marketgate.server.product.Product;
import io.marketgate.server.subscription.NotificationSink;
import io.marketgate.server.subscription.intake.IntakeDecision;
import io.marketgate.server.subscription.intake.NotificationIntake;
import io.marketgate.server.subscription.intake.jdbc.JdbcQuarantine;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Polls one notification queue on its own thread and hands each message on: verified notifications to the
 * {@link NotificationSink}, the rest to the quarantine.
 *
 * <p>Guarantee: a message is deleted only after the sink's transaction (or the quarantine's) committed. Any
 * failure leaves it on the queue, to be received again after the visibility timeout; the sink's inbox and the
 * quarantine's unique key make that redelivery harmless. A crash at any point loses nothing.
 */
public final class QueueConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(QueueConsumer.class);

    private final String queueUrl;
    private final List<Product> products;
    private final SqsClient sqs;
    private final NotificationIntake intake;
    private final NotificationSink sink;
    private final JdbcQuarantine quarantine;
    private final IntakeMetrics metrics;
    private final ConsumerSettings settings;
    private volatile boolean running;
    private volatile Thread worker;
    private final Object pauseLock = new Object();

    public QueueConsumer(
            String queueUrl,
            List<Product> products,
            SqsClient sqs,
            NotificationIntake intake,
            NotificationSink sink,
            JdbcQuarantine quarantine,
            IntakeMetrics metrics,
            ConsumerSettings settings) {
        this.queueUrl = queueUrl;
        this.products = List.copyOf(products);
        this.sqs = sqs;
        this.intake = intake;
        this.sink = sink;
        this.quarantine = quarantine;
        this.metrics = metrics;
        this.settings = settings;
    }

    public synchronized void start() {
        if (worker != null) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform()
                .name("notifications-" + queueName())
                .daemon(true)
                .start(this::pollUntilStopped);
        LOG.info("Consuming lifecycle notifications of {} from queue {}", productIds(), queueName());
    }

    /** Asks the worker to stop after its current call; {@link #awaitStopped} waits for it. */
    public void requestStop() {
        running = false;
        synchronized (pauseLock) {
            pauseLock.notifyAll();
        }
    }

    /** Whether the worker ended within {@code millis}. */
    public boolean awaitStopped(long millis) throws InterruptedException {
        Thread current = worker;
        if (current == null) {
            return true;
        }
        return current.join(java.time.Duration.ofMillis(millis));
    }

    public boolean isRunning() {
        Thread current = worker;
        return current != null && current.isAlive();
    }

    private void pollUntilStopped() {
        while (running) {
            List<Message> messages;
            try {
                messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                                .maxNumberOfMessages(settings.maxMessages())
                                .waitTimeSeconds((int) settings.waitTime().toSeconds())
                                .visibilityTimeout(
                                        (int) settings.visibilityTimeout().toSeconds()))
                        .messages();
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                metrics.receiveFailed(queueName());
                LOG.warn("Cannot receive from notification queue {}: {}; retrying", queueName(), e.toString());
                pause();
                continue;
            }
            for (Message message : messages) {
                if (!running) {
                    break; // the rest become visible again after the visibility timeout
                }
                handle(message);
            }
        }
    }

    /** One message: decide, act, and delete only once what it led to is committed. */
    void handle(Message message) {
        IntakeDecision decision;
        try {
            decision = intake.decide(message.body(), products);
        } catch (RuntimeException e) {
            metrics.failed(null);
            LOG.error(
                    "Cannot decide on SQS message {} of queue {}; left for redelivery",
                    message.messageId(),
                    queueName(),
                    e);
            return;
        }
        String product = decision.productId();
        metrics.received(product);
        try {
            boolean delete = act(decision, message.body());
            if (delete) {
                delete(message);
            }
        } catch (RuntimeException e) {
            metrics.failed(product);
            LOG.error(
                    "Notification from queue {} (SQS message {}) failed; left for redelivery after the visibility timeout",
                    queueName(),
                    message.messageId(),
                    e);
        }
    }

    /** Acts on the decision; true when the message may be deleted. */
    private boolean act(IntakeDecision decision, String body) {
        switch (decision) {
            case IntakeDecision.Accept accept -> {
                switch (sink.accept(accept.notification())) {
                    case APPLIED -> metrics.applied(accept.productId());
                    case DUPLICATE -> metrics.duplicate(accept.productId());
                }
                return true;
            }
            case IntakeDecision.Quarantine q -> {
                var stored = quarantine.quarantine(q.messageId(), queueUrl, q.productId(), q.reason(), body);
                metrics.quarantined(q.productId());
                LOG.warn(
                        "Quarantined a notification from queue {} (message {}{}): {}",
                        queueName(),
                        q.messageId() == null ? "without id" : q.messageId(),
                        stored instanceof JdbcQuarantine.Stored.AlreadyStored ? ", already stored" : "",
                        q.reason());
                return true;
            }
            case IntakeDecision.Ignore ignore -> {
                metrics.ignored(ignore.productId());
                LOG.debug(
                        "Ignored notification {} from queue {}: {}", ignore.messageId(), queueName(), ignore.reason());
                return true;
            }
            case IntakeDecision.Retry retry -> {
                metrics.failed(retry.productId());
                LOG.warn("Notification from queue {} left for redelivery: {}", queueName(), retry.reason());
                return false;
            }
        }
    }

    private void delete(Message message) {
        try {
            sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        } catch (RuntimeException e) {
            // Committed already: the redelivery is a duplicate for the inbox or the quarantine.
            LOG.warn(
                    "Cannot delete SQS message {} from {} (it will come back as a duplicate): {}",
                    message.messageId(),
                    queueName(),
                    e.toString());
        }
    }

    /** Waits before the next receive after a failure; a stop request ends the wait. */
    private void pause() {
        synchronized (pauseLock) {
            try {
                if (running) {
                    pauseLock.wait(settings.receiveRetryDelay().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    String queueName() {
        return queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    }

    private List<String> productIds() {
        return products.stream().map(Product::id).toList();
    }
}
