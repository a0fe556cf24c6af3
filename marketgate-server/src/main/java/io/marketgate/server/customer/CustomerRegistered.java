package io.marketgate.server.customer;

/**
 * Published inside the registration transaction; synchronous listeners run in it, so what they write
 * commits or rolls back with the customer.
 */
public record CustomerRegistered(Customer customer) {}
