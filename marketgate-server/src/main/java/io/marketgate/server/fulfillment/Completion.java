package io.marketgate.server.fulfillment;

import io.marketgate.server.customer.Customer;

/** The outcome of submitting a valid registration form. */
public sealed interface Completion {

    /** The customer exists (created now, or found: the buyer had registered already). */
    record Completed(Customer customer, boolean created) implements Completion {}

    /** The pending registration could not be used; nothing was stored. */
    record Refused(PendingAccess why) implements Completion {}
}
