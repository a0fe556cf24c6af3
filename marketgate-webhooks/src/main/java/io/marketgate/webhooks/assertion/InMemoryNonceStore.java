package io.marketgate.webhooks.assertion;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link NonceStore} in this process's memory, forgetting each nonce once its assertion has expired. Only signed,
 * unexpired assertions reach the store, so its size is bounded by how many registrations complete within one
 * assertion lifetime.
 */
public final class InMemoryNonceStore implements NonceStore {

    private static final int PURGE_EVERY = 256;

    private final ConcurrentMap<String, Instant> used = new ConcurrentHashMap<>();
    private final Clock clock;
    private int claimsSincePurge;

    public InMemoryNonceStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A store that expires nonces by the system UTC clock. */
    public InMemoryNonceStore() {
        this(Clock.systemUTC());
    }

    @Override
    public boolean claim(String nonce, Instant keepUntil) {
        purgeNowAndThen();
        Instant now = clock.instant();
        boolean[] first = {false};
        used.compute(nonce, (key, previous) -> {
            if (previous == null || !previous.isAfter(now)) {
                first[0] = true;
                return keepUntil;
            }
            return previous;
        });
        return first[0];
    }

    /** How many nonces are remembered now (expired ones may linger until the next purge). */
    public int size() {
        return used.size();
    }

    private void purgeNowAndThen() {
        boolean purge;
        synchronized (this) {
            purge = ++claimsSincePurge >= PURGE_EVERY;
            if (purge) {
                claimsSincePurge = 0;
            }
        }
        if (purge) {
            Instant now = clock.instant();
            used.values().removeIf(keepUntil -> !keepUntil.isAfter(now));
        }
    }
}
