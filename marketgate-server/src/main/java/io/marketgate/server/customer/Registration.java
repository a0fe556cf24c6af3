package io.marketgate.server.customer;

/** The outcome of {@link Customers#register}. */
public sealed interface Registration {

    Customer customer();

    /** A new customer; {@link CustomerRegistered} was published and a {@code customer.registered} event stored. */
    record Registered(Customer customer) implements Registration {}

    /** The product already had a customer with this identity key; it is returned unchanged. */
    record AlreadyRegistered(Customer customer) implements Registration {}
}
