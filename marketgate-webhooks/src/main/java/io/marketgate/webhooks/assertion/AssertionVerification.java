package io.marketgate.webhooks.assertion;

/** The outcome of verifying a registration assertion: {@link Accepted} or {@link Rejected}. */
public sealed interface AssertionVerification {

    /** Whether the assertion was accepted (and its nonce is now used up). */
    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /**
     * The accepted assertion, for callers that prefer an exception to a switch.
     *
     * @throws RegistrationAssertionException naming the {@link Failure} when the assertion was rejected
     */
    default RegistrationAssertion orThrow() {
        return switch (this) {
            case Accepted accepted -> accepted.assertion();
            case Rejected rejected -> throw new RegistrationAssertionException(rejected.failure(), rejected.message());
        };
    }

    /** An authentic, unexpired assertion seen for the first time. */
    record Accepted(RegistrationAssertion assertion) implements AssertionVerification {}

    /**
     * An assertion that must not be trusted: show the buyer a page that asks them to sign in or start again.
     *
     * @param failure what failed
     * @param message a sentence saying what failed, free of the key and of the token
     */
    record Rejected(Failure failure, String message) implements AssertionVerification {}

    /** What made an assertion fail verification. */
    enum Failure {
        /** Missing, too long, not three dot-separated base64url parts, or a payload that does not parse. */
        MALFORMED,
        /** A format version this verifier does not know. */
        UNSUPPORTED_VERSION,
        /** The MAC does not match under any configured key: forged, altered, or signed with another key. */
        BAD_SIGNATURE,
        /** Issued further in the future than the allowed clock skew. */
        NOT_YET_VALID,
        /** Past its expiry (plus the allowed clock skew). */
        EXPIRED,
        /** Valid for longer than the verifier allows. */
        LIFETIME_TOO_LONG,
        /** Its nonce was used before: the same assertion presented twice. */
        REPLAYED
    }
}
