package io.marketgate.server.subscription;

import java.time.Instant;

/**
 * Published (Spring application event) after the commit of a change of a subscription's state; a
 * {@code subscription.changed} outbox row was written in the same transaction.
 *
 * @param customerId the registered customer, or null if the buyer has not registered yet
 * @param from the state before; {@link SubscriptionState#PENDING} for a subscription seen for the first time
 * @param at when the change was committed (the server clock)
 */
public record SubscriptionChanged(
        String productId, String key, String customerId, SubscriptionState from, SubscriptionState to, Instant at) {}
