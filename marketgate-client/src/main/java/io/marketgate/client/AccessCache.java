package io.marketgate.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Remembers access answers for a short time so that a check on every request of the seller's application costs a
 * map lookup. Bounded: past {@link #MAX_ENTRIES} expired answers are dropped, then all if still full.
 */
final class AccessCache {

    static final int MAX_ENTRIES = 10_000;

    private record Entry(Access access, Instant expires) {}

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    AccessCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    Access get(String customer, Function<String, Access> load) {
        if (ttl.isZero()) {
            return load.apply(customer);
        }
        Instant now = clock.instant();
        Entry cached = entries.get(customer);
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.access();
        }
        Access fresh = load.apply(customer);
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(entry -> !now.isBefore(entry.expires()));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(customer, new Entry(fresh, clock.instant().plus(ttl)));
        return fresh;
    }

    void invalidate(String customer) {
        entries.remove(customer);
    }

    void clear() {
        entries.clear();
    }
}
