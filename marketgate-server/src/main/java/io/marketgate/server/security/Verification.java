package io.marketgate.server.security;

/** The outcome of checking a presented API key. */
public sealed interface Verification {

    /** A known, unrevoked key whose secret matches. */
    record Valid(ApiKey key) implements Verification {}

    /** Malformed, unknown, revoked or a wrong secret: deliberately not told apart to the caller. */
    record Invalid() implements Verification {}
}
