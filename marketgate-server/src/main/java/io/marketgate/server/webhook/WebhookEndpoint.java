package io.marketgate.server.webhook;

import java.time.Instant;
import java.util.List;

/**
 * Where the seller's app receives events. The signing secret is not part of it: it is shown once, when the
 * endpoint is created or its secret rotated, and stored encrypted.
 *
 * @param eventTypes the subscribed types, or {@code ["*"]} for all
 * @param disabledReason why Marketgate disabled it (sustained failure), or null
 * @param previousSecretUntil while set and in the future, messages are signed with the previous secret too
 */
public record WebhookEndpoint(
        String id,
        String url,
        List<String> eventTypes,
        boolean enabled,
        String disabledReason,
        Instant previousSecretUntil,
        Instant createdAt,
        Instant updatedAt) {

    public WebhookEndpoint {
        eventTypes = List.copyOf(eventTypes);
    }
}
