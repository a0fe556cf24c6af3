package io.marketgate.server.metering;

import io.marketgate.server.aws.MeterRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * UsageAllocation tag rules (reference §4) and the canonical text of a tag set, which identifies it: two
 * allocations with the same tags are one allocation, and the untagged remainder is the empty set.
 */
final class TagSets {

    /** UsageAllocations per record. */
    static final int MAX_ALLOCATIONS = 2500;

    static final int MAX_TAGS = 5;
    static final String UNTAGGED = "";
    // The documented characters (a-zA-Z0-9+ -=._:/@), read literally rather than as the model's regex range.
    private static final Pattern TAG_TEXT = Pattern.compile("[a-zA-Z0-9+ \\-=._:/@]+");

    private TagSets() {}

    /** Why these tags cannot be an allocation, or null if they can. */
    static String problem(Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            return "an allocation needs 1 to 5 tags (leave untagged usage out of allocations)";
        }
        if (tags.size() > MAX_TAGS) {
            return "an allocation has at most 5 tags, got " + tags.size();
        }
        for (var tag : tags.entrySet()) {
            String key = tag.getKey();
            String value = tag.getValue();
            if (key == null
                    || key.isEmpty()
                    || key.length() > 100
                    || !TAG_TEXT.matcher(key).matches()) {
                return "tag key '" + key + "' must be 1-100 characters of a-z A-Z 0-9 + - = . _ : / @ and space";
            }
            if (value == null
                    || value.isEmpty()
                    || value.length() > 256
                    || !TAG_TEXT.matcher(value).matches()) {
                return "tag value of '" + key + "' must be 1-256 characters of a-z A-Z 0-9 + - = . _ : / @ and space";
            }
        }
        return null;
    }

    /** Canonical text of a valid tag set: keys sorted, {@code key=value} joined by newlines (not in tag text). */
    static String canonical(Map<String, String> tags) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(tags).forEach((key, value) -> {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(key).append('=').append(value);
        });
        return text.toString();
    }

    static SortedMap<String, String> parse(String canonical) {
        SortedMap<String, String> tags = new TreeMap<>();
        if (canonical.isEmpty()) {
            return tags;
        }
        for (String line : canonical.split("\n")) {
            int equals = line.indexOf('=');
            tags.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return tags;
    }

    /**
     * A frozen record's allocations: the tagged sums as stored (sorted by tag set), plus the untagged
     * remainder when there is one; none at all when nothing was tagged.
     */
    static List<MeterRecord.Allocation> allocations(long quantity, SortedMap<String, Long> taggedByTagSet) {
        List<MeterRecord.Allocation> allocations = new ArrayList<>();
        long tagged = 0;
        for (var entry : taggedByTagSet.entrySet()) {
            if (entry.getValue() > 0 && !entry.getKey().isEmpty()) {
                allocations.add(new MeterRecord.Allocation(entry.getValue(), parse(entry.getKey())));
                tagged += entry.getValue();
            }
        }
        if (!allocations.isEmpty() && quantity > tagged) {
            allocations.add(new MeterRecord.Allocation(quantity - tagged, new TreeMap<>()));
        }
        return allocations;
    }
}
