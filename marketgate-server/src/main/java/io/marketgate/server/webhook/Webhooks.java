package io.marketgate.server.webhook;

import io.marketgate.server.shared.InvalidInputException;
import io.marketgate.server.shared.MarketgateException;
import io.marketgate.webhooks.WebhookSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seller's webhook endpoints: create, change, rotate the secret, delete; their deliveries, replays and
 * test events. Secrets are shown once and stored encrypted.
 */
public class Webhooks {

    static final int MAX_EVENT_TYPES = EventTypes.SUBSCRIBABLE.size() + 1;

    private final JdbcWebhookStore store;
    private final Supplier<SecretBox> secrets;
    private final UrlPolicy urls;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration defaultOverlap;

    Webhooks(
            JdbcWebhookStore store,
            Supplier<SecretBox> secrets,
            UrlPolicy urls,
            Outbox outbox,
            Clock clock,
            Duration defaultOverlap) {
        this.store = store;
        this.secrets = secrets;
        this.urls = urls;
        this.outbox = outbox;
        this.clock = clock;
        this.defaultOverlap = defaultOverlap;
    }

    /** A new endpoint and its signing secret, which is never shown again. */
    public record Created(WebhookEndpoint endpoint, String secret) {}

    @Transactional
    public Created create(String url, List<String> eventTypes) {
        List<String> types = validate(url, eventTypes);
        Instant now = clock.instant();
        String id = "whe_" + UUID.randomUUID().toString().replace("-", "");
        WebhookEndpoint endpoint = new WebhookEndpoint(id, url, types, true, null, null, now, now);
        String secret = WebhookSecret.generate().encoded();
        store.insertEndpoint(endpoint, secrets.get().seal(secret, id));
        return new Created(store.endpoint(id).orElseThrow(), secret);
    }

    public List<WebhookEndpoint> list() {
        return store.endpoints();
    }

    public WebhookEndpoint get(String id) {
        return store.endpoint(id).orElseThrow(() -> MarketgateException.notFound("No webhook endpoint " + id + "."));
    }

    /** Changes what is given (null keeps it); enabling a disabled endpoint resets its failure clock. */
    @Transactional
    public WebhookEndpoint update(String id, String url, List<String> eventTypes, Boolean enabled) {
        WebhookEndpoint current = get(id);
        String newUrl = url == null ? current.url() : url;
        List<String> types = validate(newUrl, eventTypes == null ? current.eventTypes() : eventTypes);
        boolean on = enabled == null ? current.enabled() : enabled;
        store.updateEndpoint(new WebhookEndpoint(
                id, newUrl, types, on, null, current.previousSecretUntil(), current.createdAt(), clock.instant()));
        return get(id);
    }

    @Transactional
    public void delete(String id) {
        if (!store.deleteEndpoint(id)) {
            throw MarketgateException.notFound("No webhook endpoint " + id + ".");
        }
    }

    /** A new secret; the previous one keeps signing for {@code overlap} (null: the configured default). */
    @Transactional
    public Created rotateSecret(String id, Duration overlap) {
        Duration keep = overlap == null ? defaultOverlap : overlap;
        if (keep.isNegative() || keep.compareTo(Duration.ofDays(7)) > 0) {
            throw InvalidInputException.of("overlapSeconds", "must be between 0 and 604800 (7 days)");
        }
        JdbcWebhookStore.SealedSecrets current =
                store.secrets(id).orElseThrow(() -> MarketgateException.notFound("No webhook endpoint " + id + "."));
        Instant now = clock.instant();
        String secret = WebhookSecret.generate().encoded();
        SecretBox box = secrets.get();
        String previous = keep.isZero() ? null : current.current();
        store.rotateSecret(id, box.seal(secret, id), previous, keep.isZero() ? null : now.plus(keep), now);
        return new Created(get(id), secret);
    }

    /** The newest deliveries first, before the delivery id {@code before} (0 or less: from the newest). */
    public List<WebhookDelivery> deliveries(String endpointId, long before, int limit) {
        get(endpointId);
        return store.deliveries(endpointId, before <= 0 ? Long.MAX_VALUE : before, limit);
    }

    public List<WebhookAttempt> attempts(String endpointId, long deliveryId) {
        requireDeliveryOf(endpointId, deliveryId);
        return store.attempts(deliveryId);
    }

    /** Sends the delivery's event again, with the same {@code webhook-id}; the new delivery's id. */
    @Transactional
    public long replay(String endpointId, long deliveryId) {
        requireDeliveryOf(endpointId, deliveryId);
        String eventId = store.deliveryEvent(deliveryId).orElseThrow();
        long id = store.insertDirected(endpointId, eventId, true, clock.instant());
        outbox.wakeDelivery();
        return id;
    }

    /** Sends again every subscribed event that occurred in [from, to); how many. */
    @Transactional
    public int replayRange(String endpointId, Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw InvalidInputException.of("to", "must be after from (both ISO-8601 instants)");
        }
        int count = store.replayRange(get(endpointId), from, to, clock.instant());
        outbox.wakeDelivery();
        return count;
    }

    /** A {@code webhook.test} event sent to this endpoint only; the delivery's id. */
    @Transactional
    public long sendTest(String endpointId) {
        get(endpointId);
        String eventId = outbox.appendUndelivered(
                EventTypes.WEBHOOK_TEST,
                null,
                Map.of("message", "Test event from Marketgate", "endpointId", endpointId));
        long id = store.insertDirected(endpointId, eventId, false, clock.instant());
        outbox.wakeDelivery();
        return id;
    }

    private void requireDeliveryOf(String endpointId, long deliveryId) {
        if (!store.deliveryEndpoint(deliveryId).map(endpointId::equals).orElse(false)) {
            throw MarketgateException.notFound(
                    "No delivery " + deliveryId + " for webhook endpoint " + endpointId + ".");
        }
    }

    private List<String> validate(String url, List<String> eventTypes) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        urls.problem(url).ifPresent(problem -> errors.add(new InvalidInputException.FieldError("url", problem)));
        if (eventTypes == null || eventTypes.isEmpty() || eventTypes.size() > MAX_EVENT_TYPES) {
            errors.add(new InvalidInputException.FieldError(
                    "events", "must list at least one event type, or \"*\" for all"));
        } else {
            for (int i = 0; i < eventTypes.size(); i++) {
                String type = eventTypes.get(i);
                if (!EventTypes.ALL.equals(type) && !EventTypes.SUBSCRIBABLE.contains(type)) {
                    errors.add(new InvalidInputException.FieldError(
                            "events[" + i + "]",
                            "unknown event type; expected one of " + EventTypes.SUBSCRIBABLE + " or \"*\""));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The webhook endpoint is invalid.", errors);
        }
        List<String> types = List.copyOf(new LinkedHashSet<>(eventTypes));
        return types.contains(EventTypes.ALL) ? List.of(EventTypes.ALL) : types;
    }
}
