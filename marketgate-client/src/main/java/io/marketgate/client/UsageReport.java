package io.marketgate.client;

import java.util.List;

/**
 * Marketgate's answers for a report, one per event, in the order the events were given.
 *
 * @param results one result per event
 */
public record UsageReport(List<UsageResult> results) {

    public UsageReport {
        results = List.copyOf(results);
    }

    /** Whether every event is held by Marketgate ({@code accepted} or {@code duplicate}). */
    public boolean allStored() {
        return results.stream().allMatch(UsageResult::isStored);
    }

    /** The events that were not stored ({@code conflict}, {@code rejected}, {@code unbillable}), with reasons. */
    public List<UsageResult> notStored() {
        return results.stream().filter(result -> !result.isStored()).toList();
    }
}
