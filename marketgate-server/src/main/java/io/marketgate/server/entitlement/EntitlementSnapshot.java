package io.marketgate.server.entitlement;

import java.time.Instant;
import java.util.List;

/**
 * What GetEntitlements said about one subscription at one time; a new snapshot is stored only when it
 * differs from the previous one, so the snapshots are the entitlement history.
 *
 * @param key the subscription's customer key (identity mode)
 * @param version the access version it was stored at
 */
public record EntitlementSnapshot(
        long id, String productId, String key, List<EntitlementItem> entitlements, Instant takenAt, long version) {

    public EntitlementSnapshot {
        entitlements = List.copyOf(entitlements);
    }
}
