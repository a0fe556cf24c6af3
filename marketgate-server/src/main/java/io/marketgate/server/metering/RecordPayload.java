package io.marketgate.server.metering;

import io.marketgate.server.aws.MeterRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored form of a frozen record's allocations, and a safe upper bound of a record's size in a
 * BatchMeterUsage body (the request must stay under 1 MB). Tag text cannot contain the separators.
 */
final class RecordPayload {

    private static final char ALLOCATION = '\u001e';
    private static final char QUANTITY = '\u001f';
    // Timestamp, dimension, quantity, identity fields and JSON punctuation of one record, generously.
    private static final int RECORD_OVERHEAD = 900;
    private static final int ALLOCATION_OVERHEAD = 60;
    private static final int TAG_OVERHEAD = 30;

    private RecordPayload() {}

    static String encode(List<MeterRecord.Allocation> allocations) {
        if (allocations.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (MeterRecord.Allocation allocation : allocations) {
            if (!text.isEmpty()) {
                text.append(ALLOCATION);
            }
            text.append(allocation.quantity()).append(QUANTITY).append(TagSets.canonical(allocation.tags()));
        }
        return text.toString();
    }

    static List<MeterRecord.Allocation> decode(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        List<MeterRecord.Allocation> allocations = new ArrayList<>();
        for (String part : stored.split(String.valueOf(ALLOCATION), -1)) {
            int split = part.indexOf(QUANTITY);
            allocations.add(new MeterRecord.Allocation(
                    Long.parseLong(part.substring(0, split)), TagSets.parse(part.substring(split + 1))));
        }
        return allocations;
    }

    /** Upper bound of the record's bytes in a request body. */
    static int size(String dimension, List<MeterRecord.Allocation> allocations) {
        int bytes = RECORD_OVERHEAD + dimension.length() * 6;
        for (MeterRecord.Allocation allocation : allocations) {
            bytes += ALLOCATION_OVERHEAD;
            for (Map.Entry<String, String> tag : new TreeMap<>(allocation.tags()).entrySet()) {
                // JSON escaping can at most sextuple a character (\\uXXXX); tag text is ASCII, so double is plenty.
                bytes += TAG_OVERHEAD
                        + 2 * (tag.getKey().length() + tag.getValue().length());
            }
        }
        return bytes;
    }
}
