package io.marketgate.server.aws.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;

/**
 * A health check that calls a remote service, kept off the probe's path: the first probe waits for the
 * check, later ones get the last result at once while a stale one is refreshed in the background, one
 * refresh at a time. A slow or black-holed AWS then cannot make probes time out, and probes never turn into
 * a stream of AWS calls.
 */
final class RefreshingHealth {

    private final Supplier<Health> check;
    private final Duration maxAge;
    private final Clock clock;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Health last;
    private volatile Instant checkedAt = Instant.MIN;

    RefreshingHealth(Supplier<Health> check, Duration maxAge, Clock clock) {
        this.check = check;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    Health get() {
        Health current = last;
        if (current == null) {
            synchronized (this) {
                if (last == null) {
                    refresh();
                }
                return last;
            }
        }
        if (checkedAt.plus(maxAge).isBefore(clock.instant()) && refreshing.compareAndSet(false, true)) {
            Thread.ofVirtual().name("health-refresh").start(() -> {
                try {
                    refresh();
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return current;
    }

    private void refresh() {
        last = check.get();
        checkedAt = clock.instant();
    }
}
