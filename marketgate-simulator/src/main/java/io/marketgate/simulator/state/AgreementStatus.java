package io.marketgate.simulator.state;

/** Where a buyer's subscription (agreement) to a product stands. */
public enum AgreementStatus {
    /** Subscribed, subscribe-success not sent yet. */
    PENDING,
    ACTIVE,
    /** Payment failed (subscribe-fail). */
    FAILED,
    /** Cancelled; metering still accepted during the post-cancel grace. */
    UNSUBSCRIBE_PENDING,
    UNSUBSCRIBED
}
