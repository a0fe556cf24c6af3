package io.marketgate.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The simulator's notion of "now": a base clock shifted by an offset, optionally frozen. Lets tests
 * exercise AWS's time windows (24 h, the month-end 06:00 UTC cut-off, token expiry) without waiting.
 */
public final class SimClock extends Clock {

    private final Clock base;
    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozenAt;

    public SimClock(Clock base) {
        this.base = base;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the simulator clock is always UTC");
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : base.instant().plus(offset);
    }

    /** Shifts "now" by {@code delta} (negative goes back); a frozen clock stays frozen at the new time. */
    public synchronized void advance(Duration delta) {
        if (frozenAt != null) {
            frozenAt = frozenAt.plus(delta);
        } else {
            offset = offset.plus(delta);
        }
    }

    /** Sets "now" to {@code instant}, keeping the clock running (or frozen) from there. */
    public synchronized void set(Instant instant) {
        if (frozenAt != null) {
            frozenAt = instant;
        } else {
            offset = Duration.between(base.instant(), instant);
        }
    }

    public synchronized void freeze() {
        frozenAt = instant();
    }

    public synchronized void unfreeze() {
        if (frozenAt != null) {
            offset = Duration.between(base.instant(), frozenAt);
            frozenAt = null;
        }
    }

    public synchronized void reset() {
        frozenAt = null;
        offset = Duration.ZERO;
    }

    public boolean frozen() {
        return frozenAt != null;
    }

    public Duration offset() {
        Instant frozen = frozenAt;
        return frozen != null ? Duration.between(base.instant(), frozen) : offset;
    }
}
