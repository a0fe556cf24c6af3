package io.marketgate.server.fulfillment;

import io.marketgate.server.customer.Customer;

/** What the fulfillment POST led to. */
public sealed interface FulfillmentOutcome {

    /** A new pending registration; the browser goes on to the registration form. */
    record Pending(PendingRegistrations.Started started) implements FulfillmentOutcome {}

    /** The buyer registered before: sent on without a form. */
    record AlreadyRegistered(Customer customer) implements FulfillmentOutcome {}

    /** AWS does not know the token (or it was not resolved by the publishing seller account). */
    record InvalidToken() implements FulfillmentOutcome {}

    /** The token expired: the buyer uses "Set up your account" again. */
    record ExpiredToken() implements FulfillmentOutcome {}

    /** The token belongs to another product (another product code). */
    record OtherProduct() implements FulfillmentOutcome {}

    /** AWS resolved the buyer without the identifier the product's identity mode needs. */
    record MissingIdentity() implements FulfillmentOutcome {}

    /** AWS could not be asked now; the buyer may retry. */
    record Unavailable() implements FulfillmentOutcome {}
}
