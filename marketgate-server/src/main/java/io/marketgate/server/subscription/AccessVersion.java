package io.marketgate.server.subscription;

import io.marketgate.server.subscription.jdbc.JdbcSubscriptions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The database-wide counter of changes to what the access check answers. Every transaction that changes a
 * subscription, an entitlement snapshot or a customer's tenant increases it; access views on every instance
 * compare it with the value they loaded and load what changed since.
 */
@Component
public class AccessVersion {

    private final JdbcSubscriptions table;

    AccessVersion(JdbcSubscriptions table) {
        this.table = table;
    }

    /** Increases the counter in the caller's transaction (the row stays locked until it ends). */
    @Transactional(propagation = Propagation.MANDATORY)
    public long next() {
        return table.nextAccessVersion();
    }

    public long current() {
        return table.currentAccessVersion();
    }
}
