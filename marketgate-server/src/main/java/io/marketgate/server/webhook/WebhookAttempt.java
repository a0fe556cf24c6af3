package io.marketgate.server.webhook;

import java.time.Instant;

/**
 * One HTTP attempt of a delivery.
 *
 * @param statusCode null when no HTTP answer arrived (see {@code error})
 * @param excerpt the first bytes of the receiver's answer
 */
public record WebhookAttempt(
        Instant attemptedAt, Integer statusCode, long latencyMillis, String excerpt, String error) {}
