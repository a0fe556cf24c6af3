package io.marketgate.server.aws.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A health indicator whose check calls a remote service, kept off the probe's path: the first probe waits for the
 * check, later ones get the last result at once while a stale one is refreshed in the background, one
 * refresh at a time. A slow or black-holed AWS then cannot make probes time out, and probes never turn into
 * a stream of AWS calls.
 */
abstract class RefreshingHealthIndicator implements HealthIndicator {

    private final Duration maxAge;
    private final Clock clock;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Health last;
    private volatile Instant checkedAt = Instant.MIN;

    RefreshingHealthIndicator(Duration maxAge, Clock clock) {
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Calls the remote service; runs on the first probe, then in the background when the result is stale. */
    protected abstract Health check();

    /** UP with the details when every item was fine, DOWN with them otherwise. */
    protected static Health outcome(boolean up, Map<String, Object> details) {
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }

    @Override
    public final Health health() {
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
        last = check();
        checkedAt = clock.instant();
    }
}
