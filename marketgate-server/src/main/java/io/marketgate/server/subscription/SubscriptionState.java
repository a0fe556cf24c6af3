package io.marketgate.server.subscription;

import java.util.Locale;

/**
 * Where one buyer's subscription to one product stands. Changed only by the transition table
 * ({@code subscription.Transitions}); the database spelling is the lower-case name.
 */
public enum SubscriptionState {
    /** Known (registered, or a notification arrived) but not subscribed yet: no access, no metering. */
    PENDING,
    /** Subscribed (subscribe-success, License Updated): access allowed, usage accepted. */
    ACTIVE,
    /** subscribe-fail: payment failed; no access, no metering, until a later subscribe-success. */
    FAILED,
    /** unsubscribe-pending: cancelling; send final usage now (about 1 h left). No access. */
    UNSUBSCRIBE_PENDING,
    /** Purchase Agreement Ended: the agreement is over; send final usage now. No access. */
    ENDING,
    /**
     * License Deprovisioned: usage still accepted until {@code usageAcceptedUntil} (1 h), then ENDED.
     * Access is allowed until then.
     */
    DEPROVISIONING,
    /** unsubscribe-success, or deprovisioning past its hour: no access, no usage accepted. */
    ENDED;

    /** The database and JSON spelling, e.g. {@code unsubscribe_pending}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SubscriptionState fromValue(String value) {
        for (SubscriptionState candidate : values()) {
            if (candidate.value().equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("Unknown subscription state '" + value + "'");
    }
}
