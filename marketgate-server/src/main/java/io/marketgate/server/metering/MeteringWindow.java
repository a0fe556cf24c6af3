package io.marketgate.server.metering;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * AWS's submission window for a usage hour: a record is accepted until {@code window} after its hour start
 * (24 h today; 6 h in older documents), and previous-month usage only until {@code monthEndCutoff} after
 * the 1st (06:00 UTC). One record outside it fails the whole batch, so records past the deadline, computed
 * with a safety margin, are never sent.
 */
public record MeteringWindow(Duration window, Duration monthEndCutoff, Duration margin) {

    public static final MeteringWindow AWS_2026 =
            new MeteringWindow(Duration.ofHours(24), Duration.ofHours(6), Duration.ofMinutes(10));

    /** The last instant at which a record for {@code hour} may still be sent. */
    public Instant deadline(Instant hour) {
        Instant start = hourOf(hour);
        Instant byWindow = start.plus(window);
        ZonedDateTime month = start.atZone(ZoneOffset.UTC).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
        Instant byMonthEnd = month.plusMonths(1).toInstant().plus(monthEndCutoff);
        Instant earliest = byWindow.isBefore(byMonthEnd) ? byWindow : byMonthEnd;
        return earliest.minus(margin);
    }

    /** Whether a record for {@code hour} can still be sent at {@code now}. */
    public boolean open(Instant hour, Instant now) {
        return now.isBefore(deadline(hour));
    }

    /** The UTC hour {@code instant} falls in. */
    public static Instant hourOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.HOURS);
    }
}
