package io.marketgate.server.webhook;

import java.time.Instant;

/**
 * One delivery of an event to an endpoint: the first one, or a replay (same {@code eventId}, which is the
 * {@code webhook-id} the receiver sees).
 *
 * @param status {@code pending} (waiting for its next attempt), {@code delivered} or {@code failed} (gave up;
 *     can be replayed)
 * @param lastStatusCode the HTTP status of the last attempt, null before the first or without an answer
 */
public record WebhookDelivery(
        long id,
        String eventId,
        String type,
        long sequence,
        boolean replay,
        String status,
        int attempts,
        Instant nextAttemptAt,
        Instant createdAt,
        Instant deliveredAt,
        Integer lastStatusCode) {}
