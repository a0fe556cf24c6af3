package io.marketgate.server.fulfillment;

/** Whether a browser may use a pending registration now. */
public sealed interface PendingAccess {

    /** The browser that started it, before it expired, not yet used. */
    record Open(PendingRegistration pending) implements PendingAccess {}

    /** No such registration, or its stored row fails its signature. */
    record Unknown() implements PendingAccess {}

    /** The link was opened without the cookie of the browser that started the registration. */
    record OtherBrowser() implements PendingAccess {}

    /** Past its expiry: the buyer starts again from AWS Marketplace. */
    record Expired() implements PendingAccess {}

    /** Already submitted once; the link cannot be replayed. */
    record Used(PendingRegistration pending) implements PendingAccess {}
}
