package io.marketgate.server.metering;

import java.time.Duration;

/**
 * Metering settings, bound from {@code marketgate.metering.*} (see {@code config.MeteringProperties}).
 *
 * @param grace how long after an hour ends its records stay open for late events before they freeze
 * @param awsWindow how long after its hour start AWS accepts a record (24 h since July 2026; older documents say 6 h)
 * @param monthEndCutoff previous-month records are accepted until this long after the 1st, 00:00 UTC (06:00)
 * @param safetyMargin records are sent no later than this before their AWS deadline; later ones expire
 * @param futureTolerance event timestamps may be this far ahead of Marketgate's clock (client clock skew)
 * @param callsPerSecond BatchMeterUsage calls per second per seller account and Region, for all instances together
 * @param batchBytes largest BatchMeterUsage request body to send (AWS: under 1 MB)
 * @param senders how many BatchMeterUsage calls one instance keeps in flight at once, all drawing on the same
 *     calls-per-second budget (a slow round trip then delays one call, not the whole drain)
 * @param lease how long a claimed batch belongs to the instance sending it; after that another resends it
 * @param retryBase first retry delay after a throttled, failed or partly processed call (doubles, jittered)
 * @param retryMax longest retry delay
 * @param pollInterval how often each instance freezes closed hours and sends due records
 * @param zeroRecords send a zero record every closed hour for each subscribed customer and metered dimension
 *     without usage (subscription products)
 * @param submit whether this instance sends records to AWS (ingest and reconciliation work either way)
 */
public record MeteringSettings(
        Duration grace,
        Duration awsWindow,
        Duration monthEndCutoff,
        Duration safetyMargin,
        Duration futureTolerance,
        double callsPerSecond,
        int batchBytes,
        int senders,
        Duration lease,
        Duration retryBase,
        Duration retryMax,
        Duration pollInterval,
        boolean zeroRecords,
        boolean submit) {

    public MeteringSettings {
        if (callsPerSecond <= 0) {
            throw new IllegalArgumentException("marketgate.metering.calls-per-second must be positive");
        }
        if (batchBytes < 10_000 || batchBytes >= 1_000_000) {
            throw new IllegalArgumentException("marketgate.metering.batch-bytes must be between 10000 and 999999");
        }
        if (senders < 1 || senders > MAX_SENDERS) {
            throw new IllegalArgumentException("marketgate.metering.senders must be between 1 and " + MAX_SENDERS);
        }
    }

    /** More senders than this only wait for the budget (at 10 calls/s, 32 cover round trips of 3 s). */
    public static final int MAX_SENDERS = 32;

    /** Defaults, for tests and tools. */
    public static MeteringSettings defaults() {
        return new MeteringSettings(
                Duration.ofMinutes(5),
                Duration.ofHours(24),
                Duration.ofHours(6),
                Duration.ofMinutes(10),
                Duration.ofMinutes(1),
                10,
                900_000,
                4,
                Duration.ofMinutes(2),
                Duration.ofSeconds(1),
                Duration.ofMinutes(5),
                Duration.ofSeconds(1),
                true,
                true);
    }

    public MeteringWindow window() {
        return new MeteringWindow(awsWindow, monthEndCutoff, safetyMargin);
    }
}
