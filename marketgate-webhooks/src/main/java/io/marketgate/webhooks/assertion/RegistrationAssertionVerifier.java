package io.marketgate.webhooks.assertion;

import io.marketgate.webhooks.assertion.AssertionVerification.Accepted;
import io.marketgate.webhooks.assertion.AssertionVerification.Failure;
import io.marketgate.webhooks.assertion.AssertionVerification.Rejected;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Verifies registration assertions in the seller's application: the MAC (constant-time, under any configured key),
 * the validity window (with a small clock skew), a bounded lifetime, and single use through a {@link NonceStore}.
 * The nonce is claimed last, so only authentic, unexpired assertions use up store space. Thread-safe.
 */
public final class RegistrationAssertionVerifier {

    /** Clock difference tolerated between Marketgate and the seller's application by default. */
    public static final Duration DEFAULT_SKEW = Duration.ofSeconds(30);

    /** Longest validity accepted by default; longer-lived assertions are refused. */
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(10);

    private final List<AssertionKey> keys;
    private final Clock clock;
    private final Duration skew;
    private final Duration maxLifetime;
    private final NonceStore nonces;

    private RegistrationAssertionVerifier(Builder builder) {
        this.keys = List.copyOf(builder.keys);
        this.clock = builder.clock;
        this.skew = builder.skew;
        this.maxLifetime = builder.maxLifetime;
        this.nonces = builder.nonces != null ? builder.nonces : new InMemoryNonceStore(builder.clock);
    }

    /** A builder with one key; add more with {@link Builder#key} during a key rotation. */
    public static Builder builder(AssertionKey key) {
        return new Builder().key(key);
    }

    /**
     * Verifies a token and, when it is valid, uses up its nonce.
     *
     * @return {@link Accepted} with the assertion, or {@link Rejected} naming what failed
     */
    public AssertionVerification verify(String token) {
        AssertionToken.Parts parts = AssertionToken.split(token);
        if (parts == null) {
            return new Rejected(Failure.MALFORMED, "assertion is not three dot-separated base64url parts");
        }
        if (!AssertionToken.VERSION.equals(parts.version())) {
            return new Rejected(Failure.UNSUPPORTED_VERSION, "assertion version is not " + AssertionToken.VERSION);
        }
        if (!macMatches(parts)) {
            return new Rejected(Failure.BAD_SIGNATURE, "assertion signature does not match any configured key");
        }
        RegistrationAssertion assertion;
        try {
            assertion = AssertionToken.decodePayload(parts.payload());
        } catch (IllegalArgumentException e) {
            return new Rejected(Failure.MALFORMED, "assertion payload is invalid: " + e.getMessage());
        }
        return checkTimeAndClaim(assertion);
    }

    private AssertionVerification checkTimeAndClaim(RegistrationAssertion assertion) {
        Instant now = clock.instant();
        if (assertion.issuedAt().isAfter(now.plus(skew))) {
            return new Rejected(
                    Failure.NOT_YET_VALID,
                    "assertion issued at " + assertion.issuedAt() + " is later than now (" + now
                            + ") plus the allowed skew");
        }
        Instant keepUntil = assertion.expiresAt().plus(skew);
        if (!now.isBefore(keepUntil)) {
            return new Rejected(Failure.EXPIRED, "assertion expired at " + assertion.expiresAt());
        }
        if (Duration.between(assertion.issuedAt(), assertion.expiresAt()).compareTo(maxLifetime) > 0) {
            return new Rejected(Failure.LIFETIME_TOO_LONG, "assertion is valid for longer than " + maxLifetime);
        }
        if (!nonces.claim(assertion.nonce(), keepUntil)) {
            return new Rejected(Failure.REPLAYED, "assertion was already used");
        }
        return new Accepted(assertion);
    }

    private boolean macMatches(AssertionToken.Parts parts) {
        byte[] signed = parts.signedPart().getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (AssertionKey key : keys) {
            matched |= MessageDigest.isEqual(key.mac(signed), parts.mac());
        }
        return matched;
    }

    /** Collects keys, clock, skew, maximum lifetime and nonce store. */
    public static final class Builder {
        private final List<AssertionKey> keys = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Duration skew = DEFAULT_SKEW;
        private Duration maxLifetime = DEFAULT_MAX_LIFETIME;
        private NonceStore nonces;

        private Builder() {}

        /** Another key to accept, e.g. the next one while Marketgate's configuration is being switched. */
        public Builder key(AssertionKey key) {
            keys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /** The clock that decides what "now" is; the system UTC clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Clock difference tolerated on both ends of the validity window; {@link #DEFAULT_SKEW} by default. */
        public Builder skew(Duration skew) {
            if (skew == null || skew.isNegative()) {
                throw new IllegalArgumentException("skew must be zero or positive");
            }
            this.skew = skew;
            return this;
        }

        /** Longest validity accepted; {@link #DEFAULT_MAX_LIFETIME} by default. */
        public Builder maxLifetime(Duration maxLifetime) {
            if (maxLifetime == null || maxLifetime.isNegative() || maxLifetime.isZero()) {
                throw new IllegalArgumentException("maxLifetime must be positive");
            }
            this.maxLifetime = maxLifetime;
            return this;
        }

        /**
         * Where used nonces are remembered; an {@link InMemoryNonceStore} on the builder's clock by default. Share one
         * store between all instances of the seller's application for single use across them.
         */
        public Builder nonceStore(NonceStore nonces) {
            this.nonces = Objects.requireNonNull(nonces, "nonces");
            return this;
        }

        public RegistrationAssertionVerifier build() {
            return new RegistrationAssertionVerifier(this);
        }
    }
}
