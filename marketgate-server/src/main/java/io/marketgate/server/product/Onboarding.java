package io.marketgate.server.product;

/** How a buyer who registered becomes a tenant of the seller's application. */
public enum Onboarding {
    /** The buyer is linked to a seller tenant through a signed redirect to the seller's app. */
    AUTOMATIC,
    /** A contact form becomes a provisioning task for the seller's operators. */
    MANUAL
}
