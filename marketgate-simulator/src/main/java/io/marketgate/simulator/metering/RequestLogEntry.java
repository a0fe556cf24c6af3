package io.marketgate.simulator.metering;

import java.time.Instant;
import java.util.List;

/**
 * One Metering API call as the simulator answered it, accepted or not.
 *
 * @param errorType the {@code __type} of an error answer, else null
 * @param recordStatuses BatchMeterUsage: the Status of each record in {@code Results}, in order
 * @param unprocessedRecords BatchMeterUsage: how many records came back in {@code UnprocessedRecords}
 */
public record RequestLogEntry(
        long sequence,
        String operation,
        Instant receivedAt,
        String callingAccountId,
        String region,
        int httpStatus,
        String errorType,
        String message,
        List<String> recordStatuses,
        int unprocessedRecords) {

    public RequestLogEntry {
        recordStatuses = List.copyOf(recordStatuses);
    }
}
