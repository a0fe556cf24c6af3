package io.marketgate.server.security.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.marketgate.server.security.config.SecurityProperties.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Bucket4j token bucket per API key id, in this instance's memory (a limit per instance, not per
 * cluster). Buckets exist only for valid keys, so the map is bounded by the number of keys. Time comes from
 * the application's {@link Clock}, so tests move it instead of waiting.
 */
public final class RateLimits {

    private final RateLimit settings;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(RateLimit settings, Clock clock) {
        this.settings = settings;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Takes one request from the key's budget: empty if allowed, else how long until it may retry. */
    public Optional<Duration> take(String keyId) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        ConsumptionProbe probe =
                buckets.computeIfAbsent(keyId, id -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(settings.capacity())
                        .refillGreedy(settings.refillTokens(), settings.refillPeriod())
                        .build())
                .withCustomTimePrecision(time)
                .build();
    }
}
