package io.marketgate.server.webhook;

import java.time.Instant;

/**
 * A domain event for the seller's app, as stored in the outbox.
 *
 * @param sequence increases with every event, so receivers can order them
 * @param id the event id, stable across redeliveries and replays (the Standard Webhooks {@code webhook-id})
 * @param type e.g. {@code customer.registered}, {@code subscription.changed}
 * @param customerId the Marketgate customer id the event is about, or null
 * @param payload the event's JSON object
 * @param occurredAt when the change was committed (the transaction's clock reading)
 */
public record OutboxEvent(
        long sequence, String id, String type, String customerId, String payload, Instant occurredAt) {}
