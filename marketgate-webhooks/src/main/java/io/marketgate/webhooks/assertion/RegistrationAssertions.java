package io.marketgate.webhooks.assertion;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs registration assertions: the compact, URL-safe token Marketgate appends to the seller's URL when a buyer
 * finishes registration, so the seller's application learns who registered without trusting the browser.
 *
 * <p>Format: {@code v1.<base64url(JSON)>.<base64url(HMAC-SHA256)>}; see the module README. Verify with
 * {@link RegistrationAssertionVerifier}.
 */
public final class RegistrationAssertions {

    /** How long an assertion is valid by default: enough for a redirect, too short to be worth stealing. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(2);

    private static final int NONCE_BYTES = 18;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RegistrationAssertions() {}

    /**
     * Signs a registration valid for {@link #DEFAULT_TTL} from now, with a fresh random nonce.
     *
     * @return the token, URL-safe as it is
     */
    public static String sign(Registration registration, AssertionKey key, Clock clock) {
        return sign(registration, key, clock, DEFAULT_TTL);
    }

    /**
     * Signs a registration valid for {@code ttl} (at least one second, whole seconds) from now, with a fresh random
     * nonce.
     */
    public static String sign(Registration registration, AssertionKey key, Clock clock, Duration ttl) {
        Objects.requireNonNull(clock, "clock");
        if (ttl == null || ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("ttl must be at least one second");
        }
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return sign(
                new RegistrationAssertion(registration, newNonce(), issuedAt, issuedAt.plusSeconds(ttl.toSeconds())),
                key);
    }

    /**
     * Signs exactly the given assertion. The caller owns the nonce's uniqueness; instants are written in whole
     * seconds.
     */
    public static String sign(RegistrationAssertion assertion, AssertionKey key) {
        Objects.requireNonNull(assertion, "assertion");
        Objects.requireNonNull(key, "key");
        return AssertionToken.encode(assertion, key);
    }

    private static String newNonce() {
        byte[] bytes = new byte[NONCE_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
