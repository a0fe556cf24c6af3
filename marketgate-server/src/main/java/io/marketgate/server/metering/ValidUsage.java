package io.marketgate.server.metering;

import java.time.Instant;
import java.util.Map;

/**
 * A usage event that passed validation.
 *
 * @param tagged quantity per canonical tag set (see {@link TagSets}), merged within the event
 * @param unbillableReason set when the event is stored for the books but never sent
 */
record ValidUsage(
        String id,
        String bodyHash,
        MeteringCustomer customer,
        String customerKey,
        String identityMode,
        String dimension,
        long quantity,
        Instant eventTime,
        Instant usageHour,
        Map<String, Long> tagged,
        String unbillableReason) {}
