package io.marketgate.simulator.metering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every metering record the simulated AWS accepted, in acceptance order, and the dedupe index over them.
 * The index and the list change together under one lock, so concurrent batches cannot both bill a key.
 */
public final class MeteringLedger {

    /** What happened to one record offered to the ledger. */
    sealed interface Outcome {
        LedgerEntry entry();

        /** New key: billed. */
        record Recorded(LedgerEntry entry) implements Outcome {}

        /** Same key and quantity: AWS answers Success with the first record's id and bills nothing more. */
        record SameRecord(LedgerEntry entry) implements Outcome {}

        /** Same key, different quantity: DuplicateRecord; the original quantity stands. */
        record Conflict(LedgerEntry entry) implements Outcome {}
    }

    private final List<LedgerEntry> entries = new ArrayList<>();
    private final Map<DedupeKey, LedgerEntry> byKey = new HashMap<>();

    synchronized Outcome offer(DedupeKey key, long quantity, Supplier<LedgerEntry> newEntry) {
        LedgerEntry existing = byKey.get(key);
        if (existing != null) {
            return existing.quantity() == quantity ? new Outcome.SameRecord(existing) : new Outcome.Conflict(existing);
        }
        LedgerEntry entry = newEntry.get();
        byKey.put(key, entry);
        entries.add(entry);
        return new Outcome.Recorded(entry);
    }

    public synchronized List<LedgerEntry> entries(LedgerQuery query) {
        return entries.stream().filter(query::matches).toList();
    }

    public synchronized List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    /** Total billed quantity of the matching entries. */
    public synchronized long total(LedgerQuery query) {
        return entries.stream()
                .filter(query::matches)
                .mapToLong(LedgerEntry::quantity)
                .sum();
    }

    /** Forgets everything, dedupe memory included: the next record for any key bills again. */
    public synchronized void clear() {
        entries.clear();
        byKey.clear();
    }
}
