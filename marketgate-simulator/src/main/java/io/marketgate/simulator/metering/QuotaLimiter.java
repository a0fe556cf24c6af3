package io.marketgate.simulator.metering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AWS's request quota (BatchMeterUsage: 10 requests per second per account per region) as a sliding
 * one-second window per key. It reads the base clock given to the simulator's builder, not the simulator
 * clock that {@code /_sim/clock} shifts and freezes: a quota is about request rates, so a frozen simulated
 * "now" must not throttle forever, while a test that passes its own base clock drives the window without
 * waiting.
 */
final class QuotaLimiter {

    static final Duration WINDOW = Duration.ofSeconds(1);

    private final int perSecond;
    private final Clock clock;
    private final Map<String, Deque<Instant>> admitted = new ConcurrentHashMap<>();

    /** @param perSecond requests admitted per second and key; 0 or less disables the quota */
    QuotaLimiter(int perSecond, Clock clock) {
        this.perSecond = perSecond;
        this.clock = clock;
    }

    /** Admits the request (and counts it) unless the key used its quota within the last second. */
    boolean tryAcquire(String key) {
        if (perSecond <= 0) {
            return true;
        }
        Deque<Instant> times = admitted.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            Instant now = clock.instant();
            // A wall clock may be set back: calls "after" now are forgotten rather than throttling until then.
            times.removeIf(t -> !now.isBefore(t.plus(WINDOW)) || t.isAfter(now));
            if (times.size() >= perSecond) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
