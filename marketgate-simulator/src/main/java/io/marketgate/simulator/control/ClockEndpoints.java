package io.marketgate.simulator.control;

import io.marketgate.simulator.SimClock;
import io.marketgate.simulator.http.Router;
import io.marketgate.simulator.http.SimRequest;
import io.marketgate.simulator.http.SimResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * {@code /_sim/clock}: read and move the simulator's "now", so time windows (24 h metering, the
 * month-end cut-off, token expiry) can be tested without waiting.
 */
final class ClockEndpoints {

    private final SimClock clock;

    ClockEndpoints(SimClock clock) {
        this.clock = clock;
    }

    void register(Router router) {
        router.get("/_sim/clock", JsonEndpoint.of(r -> JsonEndpoint.ok(ControlViews.clock(clock))));
        router.post("/_sim/clock", JsonEndpoint.of(this::change));
    }

    /**
     * Applies, in order: reset, freeze, one of offsetSeconds / set / advanceSeconds, unfreeze. Freezing
     * before moving makes {@code {"set": t, "freeze": true}} stop at exactly {@code t}.
     */
    private SimResponse change(SimRequest request) {
        JsonNode body = JsonEndpoint.objectBody(request);
        Boolean reset = JsonFields.optionalBoolean(body, "reset");
        Long offsetSeconds = JsonFields.optionalLong(body, "offsetSeconds");
        Instant set = JsonFields.optionalInstant(body, "set", "set");
        Long advanceSeconds = JsonFields.optionalLong(body, "advanceSeconds");
        Boolean freeze = JsonFields.optionalBoolean(body, "freeze");
        if (Stream.of(offsetSeconds, set, advanceSeconds).filter(v -> v != null).count() > 1) {
            throw new InvalidField("set", "give at most one of offsetSeconds, set, advanceSeconds");
        }
        requireSupportedMove(offsetSeconds, "offsetSeconds", clock.instant().minus(clock.offset()));
        requireSupportedMove(advanceSeconds, "advanceSeconds", clock.instant());
        if (Boolean.TRUE.equals(reset)) {
            clock.reset();
        }
        if (Boolean.TRUE.equals(freeze)) {
            clock.freeze();
        }
        move(offsetSeconds, set, advanceSeconds);
        if (Boolean.FALSE.equals(freeze)) {
            clock.unfreeze();
        }
        return JsonEndpoint.ok(ControlViews.clock(clock));
    }

    /** A move must land between 1970 and 9999, or every later request would fail on an unrepresentable "now". */
    private static void requireSupportedMove(Long seconds, String field, Instant from) {
        if (seconds == null) {
            return;
        }
        Instant target;
        try {
            target = from.plusSeconds(seconds);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw new InvalidField(field, field + " moves the clock beyond the year 9999");
        }
        JsonFields.requireSupported(target, field);
    }

    private void move(Long offsetSeconds, Instant set, Long advanceSeconds) {
        if (offsetSeconds != null) {
            // Moving by the difference keeps a frozen clock frozen at the new offset.
            clock.advance(Duration.ofSeconds(offsetSeconds).minus(clock.offset()));
        } else if (set != null) {
            clock.set(set);
        } else if (advanceSeconds != null) {
            clock.advance(Duration.ofSeconds(advanceSeconds));
        }
    }
}
