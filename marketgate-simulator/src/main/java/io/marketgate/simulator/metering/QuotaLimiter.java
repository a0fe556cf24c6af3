package io.marketgate.simulator.metering;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * AWS's request quota (BatchMeterUsage: 10 requests per second per account per region) as a sliding
 * one-second window per key. It runs on a monotonic wall clock, not the simulator clock: a quota is about
 * real request rates, and a frozen simulator clock must not throttle forever.
 */
final class QuotaLimiter {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final int perSecond;
    private final LongSupplier nanoTime;
    private final Map<String, Deque<Long>> admitted = new ConcurrentHashMap<>();

    /** @param perSecond requests admitted per second and key; 0 or less disables the quota */
    QuotaLimiter(int perSecond, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
    }

    /** Admits the request (and counts it) unless the key used its quota within the last second. */
    boolean tryAcquire(String key) {
        if (perSecond <= 0) {
            return true;
        }
        Deque<Long> times = admitted.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            long now = nanoTime.getAsLong();
            while (!times.isEmpty() && now - times.peekFirst() >= WINDOW_NANOS) {
                times.removeFirst();
            }
            if (times.size() >= perSecond) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
