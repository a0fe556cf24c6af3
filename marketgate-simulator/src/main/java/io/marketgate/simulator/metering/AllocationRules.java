package io.marketgate.simulator.metering;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * AWS's rules for UsageAllocations: 1..2500 allocations summing to the record's quantity, no two with the
 * same tag set ({@code InvalidUsageAllocationsException}); 1..5 tags each, keys 1–100 and values 1–256
 * characters of the documented set, no repeated key ({@code InvalidTagException}).
 */
final class AllocationRules {

    static final int MAX_ALLOCATIONS = 2500;
    static final int MAX_TAGS = 5;
    /** The documented character list; the model's regex range {@code + -=} would admit more punctuation. */
    static final Pattern TAG_TEXT = Pattern.compile("^[a-zA-Z0-9+ \\-=._:/@]+$");

    private AllocationRules() {}

    static void check(UsageRecordInput record) {
        List<UsageAllocation> allocations = record.allocations();
        if (allocations == null) {
            return;
        }
        String field = record.field("usageAllocations");
        if (allocations.isEmpty() || allocations.size() > MAX_ALLOCATIONS) {
            throw invalidAllocations(
                    field + " must hold 1 to " + MAX_ALLOCATIONS + " allocations; got " + allocations.size());
        }
        long sum = allocations.stream()
                .mapToLong(UsageAllocation::allocatedUsageQuantity)
                .sum();
        if (sum != record.quantity()) {
            throw invalidAllocations("Sum of allocated usage quantities (" + sum
                    + ") is not equal to the usage quantity (" + record.quantity() + ") at " + field);
        }
        Set<Set<UsageAllocation.Tag>> tagSets = new HashSet<>();
        for (int i = 0; i < allocations.size(); i++) {
            String allocationField = field + "." + (i + 1) + ".member.tags";
            List<UsageAllocation.Tag> tags = allocations.get(i).tags();
            checkTags(tags, allocationField);
            if (!tagSets.add(tags == null ? Set.of() : Set.copyOf(tags))) {
                throw invalidAllocations("Two allocations have the same tag set at " + allocationField
                        + "; merge them into one allocation");
            }
        }
    }

    private static void checkTags(List<UsageAllocation.Tag> tags, String field) {
        if (tags == null) {
            return;
        }
        if (tags.isEmpty() || tags.size() > MAX_TAGS) {
            throw invalidTag(field + " must hold 1 to " + MAX_TAGS + " tags (omit Tags for the untagged share); got "
                    + tags.size());
        }
        for (int i = 0; i < tags.size(); i++) {
            UsageAllocation.Tag tag = tags.get(i);
            String tagField = field + "." + (i + 1) + ".member";
            checkText(tag.key(), tagField + ".key", 100);
            checkText(tag.value(), tagField + ".value", 256);
        }
        Set<String> keys = tags.stream().map(UsageAllocation.Tag::key).collect(Collectors.toSet());
        if (keys.size() != tags.size()) {
            throw invalidTag("Tag keys repeat within one allocation at " + field);
        }
    }

    private static void checkText(String text, String field, int maxLength) {
        if (text == null
                || text.isEmpty()
                || text.length() > maxLength
                || !TAG_TEXT.matcher(text).matches()) {
            throw invalidTag("Tag " + field + " is invalid: '" + text + "' must be 1 to " + maxLength
                    + " characters of a-z A-Z 0-9 space + - = . _ : / @");
        }
    }

    private static MeteringException invalidAllocations(String message) {
        return MeteringException.client("InvalidUsageAllocationsException", message);
    }

    private static MeteringException invalidTag(String message) {
        return MeteringException.client("InvalidTagException", message);
    }
}
