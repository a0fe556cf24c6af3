package io.marketgate.simulator.faults;

/**
 * The faults injected into one operation. Percentages are 0–100; one seeded draw per call picks throttling,
 * an internal error, a timeout or normal handling, in that order of the ranges.
 *
 * @param throttlePercent share of calls answered {@code ThrottlingException} (400)
 * @param errorPercent share of calls answered {@code InternalServiceErrorException} (500)
 * @param timeoutPercent share of calls whose connection is held for {@code timeoutMs} and then closed unanswered
 * @param timeoutMs how long a timed-out call holds the connection
 * @param timeoutAfterProcessing whether a timed-out call is handled (usage recorded) before the connection is
 *     dropped: the caller cannot know the outcome, as when a response is lost
 * @param latencyMs delay added before every call
 * @param unprocessedPercent BatchMeterUsage only: share of valid records returned in {@code UnprocessedRecords}
 *     and not recorded
 * @param disabled answer every call {@code DisabledApiException} (the API is disabled in the Region)
 */
public record FaultSpec(
        double throttlePercent,
        double errorPercent,
        double timeoutPercent,
        long timeoutMs,
        boolean timeoutAfterProcessing,
        long latencyMs,
        double unprocessedPercent,
        boolean disabled) {

    public static final FaultSpec NONE = new FaultSpec(0, 0, 0, 0, false, 0, 0, false);

    public FaultSpec {
        percent("throttlePercent", throttlePercent);
        percent("errorPercent", errorPercent);
        percent("timeoutPercent", timeoutPercent);
        percent("unprocessedPercent", unprocessedPercent);
        if (throttlePercent + errorPercent + timeoutPercent > 100) {
            throw new IllegalArgumentException("throttlePercent + errorPercent + timeoutPercent must not exceed 100");
        }
        if (timeoutMs < 0 || latencyMs < 0) {
            throw new IllegalArgumentException("timeoutMs and latencyMs must not be negative");
        }
    }

    private static void percent(String field, double value) {
        if (!(value >= 0 && value <= 100)) {
            throw new IllegalArgumentException(field + " must be between 0 and 100; got " + value);
        }
    }
}
