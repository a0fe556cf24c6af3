package io.marketgate.simulator.metering;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Which usage timestamps AWS still accepts: until 24 hours after the timestamp, and usage of a previous
 * month only until 06:00 UTC on the 1st, whatever the 24 hours say. AWS does not document future
 * timestamps; the simulator rejects those more than {@link #FUTURE_TOLERANCE} ahead of its clock, so a
 * client stamping usage with a send time from a fast clock is caught rather than billed.
 */
final class UsageWindow {

    static final Duration MAX_AGE = Duration.ofHours(24);
    static final Duration MONTH_END_GRACE = Duration.ofHours(6);
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private UsageWindow() {}

    /** Why {@code timestamp} is out of bounds at {@code now}, or empty when it is accepted. */
    static Optional<String> problem(Instant timestamp, Instant now) {
        if (timestamp.isAfter(now.plus(FUTURE_TOLERANCE))) {
            return Optional.of("Timestamp " + timestamp + " is in the future (now " + now + ")");
        }
        if (!now.isBefore(timestamp.plus(MAX_AGE))) {
            return Optional.of("Timestamp " + timestamp + " is 24 hours or more in the past (now " + now
                    + "); usage records aren't accepted 24 hours or more after an event");
        }
        YearMonth usageMonth = YearMonth.from(timestamp.atZone(ZoneOffset.UTC));
        YearMonth currentMonth = YearMonth.from(now.atZone(ZoneOffset.UTC));
        Instant cutoff =
                currentMonth.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(MONTH_END_GRACE);
        if (usageMonth.isBefore(currentMonth) && !now.isBefore(cutoff)) {
            return Optional.of("Timestamp " + timestamp + " is in a previous month; previous-month usage is accepted"
                    + " only until " + cutoff + " (now " + now + ")");
        }
        return Optional.empty();
    }
}
