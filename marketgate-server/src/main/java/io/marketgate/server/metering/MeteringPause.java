package io.marketgate.server.metering;

import java.time.Instant;

/**
 * A product whose metering is paused: nothing of it is sent until an operator lifts the pause.
 *
 * @param productId the configured product id
 * @param reason what AWS answered (DisabledApiException and its message)
 * @param pausedAt when the pause began
 */
public record MeteringPause(String productId, String reason, Instant pausedAt) {}
