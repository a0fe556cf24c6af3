package io.marketgate.server.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What an API key may do. {@link #ADMIN} implies every other scope. */
public enum Scope {
    USAGE_WRITE("usage:write"),
    CUSTOMERS_READ("customers:read"),
    WEBHOOKS_MANAGE("webhooks:manage"),
    ADMIN("admin");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    /** The name used in the API and in stored rows, e.g. {@code customers:read}. */
    public String value() {
        return value;
    }

    /** Whether a key holding this scope may do what {@code required} guards. */
    public boolean grants(Scope required) {
        return this == ADMIN || this == required;
    }

    public static Optional<Scope> fromValue(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }

    /** The accepted values, for error messages. */
    public static String allValues() {
        return Arrays.stream(values()).map(Scope::value).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return value;
    }
}
