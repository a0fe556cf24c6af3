package io.marketgate.server.aws;

import java.util.List;

/** What one BatchMeterUsage call came to. */
public sealed interface BatchOutcome {

    /** AWS answered: a result for some records, the rest unprocessed (transient; send again). */
    record Answered(List<RecordResult> results, List<MeterRecord> unprocessed) implements BatchOutcome {
        public Answered {
            results = List.copyOf(results);
            unprocessed = List.copyOf(unprocessed);
        }
    }

    /** The whole call failed. */
    record CallFailed(Failure failure, String errorCode, String message) implements BatchOutcome {}

    /** Per-record answer. {@code meteringRecordId} is null unless AWS gave one. */
    record RecordResult(MeterRecord record, Status status, String meteringRecordId) {}

    enum Status {
        SUCCESS,
        CUSTOMER_NOT_SUBSCRIBED,
        DUPLICATE_RECORD,
        /** A status this version does not know: a failure, never success. */
        UNKNOWN
    }

    enum Failure {
        /** Throttling, 5xx, timeouts, network errors: retry the same records with backoff. */
        RETRYABLE,
        /**
         * Invalid* and TimestampOutOfBounds: AWS processed none of the batch; split it to find the offender.
         */
        BATCH_REJECTED,
        /** DisabledApiException: pause the product and alert. */
        DISABLED,
        /** Anything else (e.g. credentials refused): not retried blindly. */
        OTHER
    }
}
