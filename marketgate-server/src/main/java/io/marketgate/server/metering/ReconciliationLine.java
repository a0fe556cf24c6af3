package io.marketgate.server.metering;

import java.time.Instant;

/**
 * The books of one (hour, customer, dimension). Quantities, not record counts.
 *
 * @param accepted usage events accepted and billed in this hour (rolled-forward usage counts in its new hour)
 * @param open usage still in an open record
 * @param frozen usage in the frozen record (sent or not)
 * @param pending frozen, not yet settled
 * @param sent frozen and carried by at least one call (some may still be pending)
 * @param acceptedByAws AWS answered Success
 * @param rejected CustomerNotSubscribed, DuplicateRecord or parked as invalid
 * @param expired never sent before the deadline
 * @param unknown maybe sent, deadline passed without an answer
 * @param unbillable usage events of this hour stored for the books only
 */
public record ReconciliationLine(
        Instant hour,
        String customerId,
        String dimension,
        long accepted,
        long open,
        long frozen,
        long pending,
        long sent,
        long acceptedByAws,
        long rejected,
        long expired,
        long unknown,
        long unbillable) {

    /** accepted = open + frozen, and frozen = pending + acceptedByAws + rejected + expired + unknown. */
    public boolean balanced() {
        return accepted == open + frozen && frozen == pending + acceptedByAws + rejected + expired + unknown;
    }

    public ReconciliationLine plus(ReconciliationLine other) {
        return new ReconciliationLine(
                hour,
                customerId,
                dimension,
                accepted + other.accepted,
                open + other.open,
                frozen + other.frozen,
                pending + other.pending,
                sent + other.sent,
                acceptedByAws + other.acceptedByAws,
                rejected + other.rejected,
                expired + other.expired,
                unknown + other.unknown,
                unbillable + other.unbillable);
    }
}
