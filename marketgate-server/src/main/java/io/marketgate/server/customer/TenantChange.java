package io.marketgate.server.customer;

/** The outcome of {@link Customers#setTenant}. */
public sealed interface TenantChange {

    /** The customer now has the tenant id (also when it already had it). */
    record Updated(Customer customer) implements TenantChange {}

    /** No customer has this Marketgate id. */
    record NotFound(String customerId) implements TenantChange {}

    /** Another customer of the same product already has this tenant id; nothing changed. */
    record TenantTaken(String tenantId, String heldBy) implements TenantChange {}
}
