package io.marketgate.webhooks.assertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.webhooks.assertion.AssertionVerification.Accepted;
import io.marketgate.webhooks.assertion.AssertionVerification.Failure;
import io.marketgate.webhooks.assertion.AssertionVerification.Rejected;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RegistrationAssertionsTest {

    static final Instant NOW = Instant.parse("2026-12-02T07:00:00Z");
    static final AssertionKey KEY = AssertionKey.ofBytes(new byte[32]);
    static final Registration LICENSED = new Registration(
            "cus_01", "prod_01", "123456789012", "arn:aws:license-manager::123456789012:license:l-1", null, null);
    static final Registration LEGACY =
            new Registration("cus_02", "prod_01", "210987654321", null, "CUST-Legacy", "tenant \"acme\" ü");

    final MutableClock clock = new MutableClock(NOW);

    RegistrationAssertionVerifier verifier() {
        return RegistrationAssertionVerifier.builder(KEY).clock(clock).build();
    }

    static Failure failureOf(AssertionVerification verification) {
        assertThat(verification).isInstanceOf(Rejected.class);
        return ((Rejected) verification).failure();
    }

    @Test
    void aSignedAssertionVerifiesOnceWithEveryField() {
        String token = RegistrationAssertions.sign(LEGACY, KEY, clock);

        RegistrationAssertion assertion = verifier().verify(token).orThrow();

        assertThat(assertion.registration()).isEqualTo(LEGACY);
        assertThat(assertion.issuedAt()).isEqualTo(NOW);
        assertThat(assertion.expiresAt()).isEqualTo(NOW.plus(RegistrationAssertions.DEFAULT_TTL));
        assertThat(assertion.nonce()).hasSizeGreaterThanOrEqualTo(22);
    }

    @Test
    void nullableFieldsStayNull() {
        var assertion = verifier()
                .verify(RegistrationAssertions.sign(LICENSED, KEY, clock))
                .orThrow();

        assertThat(assertion.registration()).isEqualTo(LICENSED);
        assertThat(assertion.registration().customerIdentifier()).isNull();
        assertThat(assertion.registration().tenantId()).isNull();
    }

    @Test
    void theTokenIsUrlSafeAndItsPayloadIsPlainJson() {
        var assertion = new RegistrationAssertion(LICENSED, "n-1", NOW, NOW.plusSeconds(120));

        String token = RegistrationAssertions.sign(assertion, KEY);

        assertThat(token).matches("v1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(payload)
                .isEqualTo("{\"customer\":\"cus_01\",\"product\":\"prod_01\",\"account\":\"123456789012\","
                        + "\"license\":\"arn:aws:license-manager::123456789012:license:l-1\",\"nonce\":\"n-1\","
                        + "\"iat\":1796194800,\"exp\":1796194920}");
    }

    @Test
    void theSameAssertionPresentedTwiceIsAReplay() {
        var verifier = verifier();
        String token = RegistrationAssertions.sign(LICENSED, KEY, clock);

        assertThat(verifier.verify(token)).isInstanceOf(Accepted.class);
        assertThat(failureOf(verifier.verify(token))).isEqualTo(Failure.REPLAYED);
    }

    @Test
    void anAssertionIsAcceptedUntilExpiryPlusSkewAndNotAfter() {
        String token = RegistrationAssertions.sign(LICENSED, KEY, clock, Duration.ofSeconds(60));
        var verifier = verifier();

        clock.advance(Duration.ofSeconds(60 + 30));
        assertThat(failureOf(verifier.verify(token))).isEqualTo(Failure.EXPIRED);
        clock.advance(Duration.ofSeconds(-1));
        assertThat(verifier.verify(token).isAccepted()).isTrue();
    }

    @Test
    void anAssertionFromBeyondTheSkewIsNotYetValid() {
        String token = RegistrationAssertions.sign(LICENSED, KEY, clock);
        var verifier = RegistrationAssertionVerifier.builder(KEY)
                .clock(clock)
                .skew(Duration.ofSeconds(5))
                .build();

        clock.advance(Duration.ofSeconds(-6));
        assertThat(failureOf(verifier.verify(token))).isEqualTo(Failure.NOT_YET_VALID);
        clock.advance(Duration.ofSeconds(1));
        assertThat(verifier.verify(token).isAccepted()).isTrue();
    }

    @Test
    void aLongLivedAssertionIsRefused() {
        String token = RegistrationAssertions.sign(LICENSED, KEY, clock, Duration.ofMinutes(11));

        assertThat(failureOf(verifier().verify(token))).isEqualTo(Failure.LIFETIME_TOO_LONG);
    }

    @Test
    void alteredForgedOrForeignTokensAreBadSignaturesAndDoNotUseTheNonce() {
        var verifier = verifier();
        String token = RegistrationAssertions.sign(LICENSED, KEY, clock);
        String[] parts = token.split("\\.");
        String otherPayload = RegistrationAssertions.sign(LEGACY, KEY, clock).split("\\.")[1];

        assertThat(failureOf(verifier.verify(parts[0] + "." + otherPayload + "." + parts[2])))
                .isEqualTo(Failure.BAD_SIGNATURE);
        assertThat(failureOf(verifier.verify(RegistrationAssertions.sign(LICENSED, AssertionKey.generate(), clock))))
                .isEqualTo(Failure.BAD_SIGNATURE);
        assertThat(verifier.verify(token).isAccepted()).isTrue();
    }

    @Test
    void duringAKeyRotationBothKeysAreAccepted() {
        AssertionKey next = AssertionKey.generate();
        var verifier = RegistrationAssertionVerifier.builder(KEY)
                .key(next)
                .clock(clock)
                .build();

        assertThat(verifier.verify(RegistrationAssertions.sign(LICENSED, KEY, clock))
                        .isAccepted())
                .isTrue();
        assertThat(verifier.verify(RegistrationAssertions.sign(LICENSED, next, clock))
                        .isAccepted())
                .isTrue();
    }

    @Test
    void malformedTokensAreNamedAsSuch() {
        var verifier = verifier();
        String token = RegistrationAssertions.sign(LICENSED, KEY, clock);

        for (String bad : new String[] {null, "", "v1", "v1.abc", token + ".x", "v1.a.b!c", "x".repeat(5000)}) {
            assertThat(failureOf(verifier.verify(bad))).as(String.valueOf(bad)).isEqualTo(Failure.MALFORMED);
        }
        assertThat(failureOf(verifier.verify("v2" + token.substring(2)))).isEqualTo(Failure.UNSUPPORTED_VERSION);
    }

    @Test
    void orThrowNamesTheFailure() {
        assertThatThrownBy(() -> verifier().verify("nope").orThrow())
                .isInstanceOfSatisfying(RegistrationAssertionException.class, e -> assertThat(e.failure())
                        .isEqualTo(Failure.MALFORMED));
    }

    @Test
    void requiredFieldsAndASaneWindowAreEnforcedWhenSigning() {
        assertThatThrownBy(() -> new Registration(" ", "p", "1", null, null, null))
                .hasMessage("customerId is required");
        assertThatThrownBy(() -> new Registration("c", "p", "1", "", null, null))
                .hasMessage("licenseArn must be null or non-blank");
        assertThatThrownBy(() -> new RegistrationAssertion(LICENSED, "n", NOW, NOW))
                .hasMessageContaining("expiresAt");
        assertThatThrownBy(() -> RegistrationAssertions.sign(LICENSED, KEY, clock, Duration.ofMillis(10)))
                .hasMessageContaining("ttl");
    }

    @Test
    void keysAreReadFromBase64AndNeverPrinted() {
        AssertionKey key = AssertionKey.generate();

        assertThat(AssertionKey.parse(key.encoded()).encoded()).isEqualTo(key.encoded());
        assertThat(key.toString()).doesNotContain(key.encoded()).contains("redacted");
        assertThatThrownBy(() -> AssertionKey.parse("c2hvcnQ=")).hasMessageContaining("32 to 64 bytes");
        assertThatThrownBy(() -> AssertionKey.parse("*&^")).hasMessage("assertion key is not base64");
    }
}
