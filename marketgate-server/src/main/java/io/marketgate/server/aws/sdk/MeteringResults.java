package io.marketgate.server.aws.sdk;

import io.marketgate.server.aws.BatchOutcome;
import io.marketgate.server.aws.MeterRecord;
import io.marketgate.server.product.IdentityMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Pairs a BatchMeterUsage answer with the records sent. AWS echoes each record but promises no order, so
 * records are matched on what AWS dedupes on: the identity mode's key, the dimension and the timestamp. A
 * sent record AWS mentions nowhere is reported unprocessed: resending a frozen record is safe.
 */
final class MeteringResults {

    private static final Logger LOG = LoggerFactory.getLogger(MeteringResults.class);

    private MeteringResults() {}

    static BatchOutcome.Answered match(IdentityMode mode, List<MeterRecord> sent, JsonNode answer) {
        Map<String, Deque<MeterRecord>> pending = new LinkedHashMap<>();
        for (MeterRecord record : sent) {
            pending.computeIfAbsent(key(mode, record), k -> new ArrayDeque<>()).add(record);
        }
        List<BatchOutcome.RecordResult> results = new ArrayList<>();
        for (JsonNode result : answer.path("Results")) {
            MeterRecord record = take(pending, key(mode, result.path("UsageRecord")));
            if (record == null) {
                LOG.warn("BatchMeterUsage answered for a record that was not sent: {}", result.path("UsageRecord"));
                continue;
            }
            results.add(new BatchOutcome.RecordResult(
                    record,
                    status(result.path("Status").asString("")),
                    result.path("MeteringRecordId").asString(null)));
        }
        List<MeterRecord> unprocessed = new ArrayList<>();
        for (JsonNode echoed : answer.path("UnprocessedRecords")) {
            MeterRecord record = take(pending, key(mode, echoed));
            if (record != null) {
                unprocessed.add(record);
            }
        }
        pending.values().forEach(unprocessed::addAll);
        return new BatchOutcome.Answered(results, unprocessed);
    }

    static BatchOutcome.Status status(String wire) {
        return switch (wire) {
            case "Success" -> BatchOutcome.Status.SUCCESS;
            case "CustomerNotSubscribed" -> BatchOutcome.Status.CUSTOMER_NOT_SUBSCRIBED;
            case "DuplicateRecord" -> BatchOutcome.Status.DUPLICATE_RECORD;
            default -> BatchOutcome.Status.UNKNOWN;
        };
    }

    private static MeterRecord take(Map<String, Deque<MeterRecord>> pending, String key) {
        Deque<MeterRecord> candidates = pending.get(key);
        if (candidates == null || candidates.isEmpty()) {
            return null;
        }
        MeterRecord record = candidates.poll();
        if (candidates.isEmpty()) {
            pending.remove(key);
        }
        return record;
    }

    private static String key(IdentityMode mode, MeterRecord record) {
        return String.join(
                "\n",
                CustomerKeys.of(mode, record.customer()).value(),
                record.dimension(),
                Long.toString(record.hour().getEpochSecond()));
    }

    private static String key(IdentityMode mode, JsonNode usageRecord) {
        String customer =
                switch (mode) {
                    case LEGACY -> usageRecord.path("CustomerIdentifier").asString("");
                    case ACCOUNT -> usageRecord.path("CustomerAWSAccountId").asString("");
                    case LICENSE -> usageRecord.path("LicenseArn").asString("");
                };
        return String.join("\n", customer, usageRecord.path("Dimension").asString(""), epochSecond(usageRecord));
    }

    /** awsJson timestamps are epoch seconds, possibly with a fraction; a record's hour has none. */
    private static String epochSecond(JsonNode usageRecord) {
        JsonNode timestamp = usageRecord.path("Timestamp");
        if (!timestamp.isNumber()) {
            return "";
        }
        BigDecimal seconds = timestamp.decimalValue();
        return Long.toString(Instant.ofEpochSecond(seconds.longValue()).getEpochSecond());
    }
}
