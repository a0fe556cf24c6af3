package io.marketgate.webhooks.assertion;

import java.time.Instant;
import java.util.Objects;

/**
 * A verified (or about to be signed) registration assertion: the registration plus what makes it short-lived and
 * single-use.
 *
 * @param registration who registered
 * @param nonce a random value, used once: the verifier refuses a second assertion with the same nonce
 * @param issuedAt when Marketgate signed it (whole seconds)
 * @param expiresAt after this instant (plus the verifier's skew) the assertion is refused (whole seconds)
 */
public record RegistrationAssertion(Registration registration, String nonce, Instant issuedAt, Instant expiresAt) {

    private static final int MAX_NONCE_LENGTH = 128;

    public RegistrationAssertion {
        Objects.requireNonNull(registration, "registration");
        Registration.requireText(nonce, "nonce");
        if (nonce.length() > MAX_NONCE_LENGTH) {
            throw new IllegalArgumentException("nonce must be at most " + MAX_NONCE_LENGTH + " characters");
        }
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("expiresAt must be after issuedAt");
        }
    }
}
