package io.marketgate.client;

import java.time.Duration;

/**
 * How calls are retried after an I/O failure, a 429 or a 5xx: up to {@code maxAttempts} attempts in all, waiting an
 * exponentially growing, jittered delay from {@code initialBackoff} up to {@code maxBackoff} between them (longer
 * when the server's {@code Retry-After} asks for it, up to one minute). Usage retries resend the same event ids, so
 * a retry never bills twice.
 *
 * @param maxAttempts attempts in all, at least 1
 * @param initialBackoff the delay before the second attempt
 * @param maxBackoff the longest delay between attempts
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Five attempts, 200 ms doubling up to 5 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5));

    /** One attempt, no retry. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoff == null || initialBackoff.isNegative() || maxBackoff == null || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoff durations must be zero or positive");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
        }
    }

    /** The delay before attempt {@code attempt + 1}, without jitter. */
    Duration backoffAfter(int attempt) {
        Duration delay = initialBackoff;
        for (int i = 1; i < attempt && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
