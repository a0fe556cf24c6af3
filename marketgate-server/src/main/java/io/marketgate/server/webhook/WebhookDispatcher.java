package io.marketgate.server.webhook;

import io.marketgate.server.webhook.config.WebhookProperties;
import io.marketgate.webhooks.WebhookSecret;
import io.marketgate.webhooks.WebhookSigner;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends due deliveries: claims them with a lease (autocommit), posts each signed message outside any
 * transaction, then records the attempt and its outcome in one transaction. A crash between the POST and
 * the record only means the message is sent again, with the same {@code webhook-id}: at-least-once.
 * Woken right after a commit that made deliveries due, and polls for retries.
 */
final class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int CLAIM_BATCH = 20;

    private final JdbcWebhookStore store;
    private final Supplier<SecretBox> secrets;
    private final HttpWebhookSender sender;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final WebhookProperties properties;
    private final Clock clock;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private ExecutorService loop;
    private ExecutorService senders;

    WebhookDispatcher(
            JdbcWebhookStore store,
            Supplier<SecretBox> secrets,
            HttpWebhookSender sender,
            Outbox outbox,
            TransactionTemplate transactions,
            WebhookProperties properties,
            Clock clock,
            JsonMapper json,
            MeterRegistry meters) {
        this.store = store;
        this.secrets = secrets;
        this.sender = sender;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.json = json;
        this.meters = meters;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onDeliveriesDue(Outbox.DeliveriesDue due) {
        wake.release();
    }

    /** Sends every delivery due now; returns how many were attempted. Also called by tests. */
    int sendDue() {
        int attempted = 0;
        List<JdbcWebhookStore.Claimed> claimed;
        do {
            Instant now = clock.instant();
            claimed = store.claimDue(now, now.plus(properties.lease()), CLAIM_BATCH);
            List<java.util.concurrent.Future<?>> inFlight = claimed.stream()
                    .map(delivery -> senders.submit(() -> attempt(delivery)))
                    .<java.util.concurrent.Future<?>>map(f -> f)
                    .toList();
            for (var future : inFlight) {
                try {
                    future.get();
                } catch (Exception e) {
                    log.warn("Webhook delivery attempt failed unexpectedly", e);
                }
            }
            attempted += claimed.size();
        } while (claimed.size() == CLAIM_BATCH && running);
        return attempted;
    }

    private void attempt(JdbcWebhookStore.Claimed delivery) {
        Instant sentAt = clock.instant();
        byte[] body = body(delivery);
        Map<String, String> headers =
                new LinkedHashMap<>(signer(delivery.endpointId()).headers(delivery.eventId(), sentAt, body));
        HttpWebhookSender.Result result = sender.post(delivery.url(), headers, body);
        Instant done = clock.instant();
        transactions.executeWithoutResult(status -> record(delivery, result, done));
    }

    private void record(JdbcWebhookStore.Claimed delivery, HttpWebhookSender.Result result, Instant at) {
        store.recordAttempt(delivery.deliveryId(), at, result);
        if (result.delivered()) {
            store.markDelivered(delivery.deliveryId(), delivery.endpointId(), at);
            meters.counter("marketgate.webhooks.deliveries", "outcome", "delivered")
                    .increment();
            return;
        }
        Instant next = nextAttempt(delivery.attempts(), at);
        store.markFailed(delivery.deliveryId(), delivery.endpointId(), at, next);
        meters.counter("marketgate.webhooks.deliveries", "outcome", next == null ? "failed" : "retry")
                .increment();
        log.warn(
                "Webhook delivery {} of event {} to endpoint {} failed (attempt {}: {}); {}",
                delivery.deliveryId(),
                delivery.eventId(),
                delivery.endpointId(),
                delivery.attempts() + 1,
                result.statusCode() != null ? "HTTP " + result.statusCode() : result.error(),
                next == null ? "giving up; it can be replayed" : "next attempt at " + next);
        String reason = "every delivery failed for " + properties.disableAfter();
        if (store.disableIfFailingSince(delivery.endpointId(), at.minus(properties.disableAfter()), reason, at)) {
            log.warn("Webhook endpoint {} disabled: {}", delivery.endpointId(), reason);
            outbox.append(
                    EventTypes.WEBHOOK_ENDPOINT_DISABLED,
                    null,
                    Map.of("endpointId", delivery.endpointId(), "url", delivery.url(), "reason", reason));
        }
    }

    /** The wait after attempt number {@code attemptsBefore + 1} failed, jittered ±20 %; null after the last. */
    private Instant nextAttempt(int attemptsBefore, Instant now) {
        List<Duration> schedule = properties.retrySchedule();
        if (attemptsBefore >= schedule.size()) {
            return null;
        }
        long millis = schedule.get(attemptsBefore).toMillis();
        long jitter = (long) (millis * 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        return now.plusMillis(millis + jitter);
    }

    private WebhookSigner signer(String endpointId) {
        JdbcWebhookStore.SealedSecrets sealed = store.secrets(endpointId).orElseThrow();
        SecretBox box = secrets.get();
        WebhookSigner.Builder signer =
                WebhookSigner.builder().secret(WebhookSecret.parse(box.open(sealed.current(), endpointId)));
        if (sealed.previous() != null && sealed.previousUntil() != null) {
            signer.previousSecret(WebhookSecret.parse(box.open(sealed.previous(), endpointId)), sealed.previousUntil());
        }
        return signer.build();
    }

    /** The message: the same bytes on every attempt and replay of the event. */
    private byte[] body(JdbcWebhookStore.Claimed delivery) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", delivery.type());
        message.put("timestamp", delivery.occurredAt().toString());
        message.put("sequence", delivery.sequence());
        message.put("customerId", delivery.customerId());
        message.put("data", json.readTree(delivery.payload()));
        return json.writeValueAsString(message).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void start() {
        running = true;
        senders = Executors.newFixedThreadPool(
                4, Thread.ofPlatform().name("webhook-send-", 0).daemon().factory());
        loop = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("webhook-dispatch").daemon().factory());
        loop.submit(this::run);
    }

    private void run() {
        while (running) {
            try {
                sendDue();
                wake.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Webhook dispatch round failed; trying again in {}", properties.pollInterval(), e);
                sleepQuietly(properties.pollInterval());
            }
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        if (loop != null) {
            loop.shutdownNow();
            senders.shutdown();
            try {
                loop.awaitTermination(5, TimeUnit.SECONDS);
                senders.awaitTermination(properties.timeout().toSeconds() + 1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
