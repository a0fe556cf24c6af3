package io.marketgate.server.entitlement;

import io.marketgate.server.entitlement.jdbc.JdbcEntitlements;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reads the stored entitlement snapshots of contract subscriptions. */
@Service
public class Entitlements {

    private final JdbcEntitlements table;

    Entitlements(JdbcEntitlements table) {
        this.table = table;
    }

    /** The latest snapshot, if the subscription's entitlements were ever read. */
    public Optional<EntitlementSnapshot> current(String productId, String key) {
        return table.latest(productId, key);
    }

    /** Every snapshot, oldest first: each differs from the one before. */
    public List<EntitlementSnapshot> history(String productId, String key) {
        return table.history(productId, key);
    }
}
