package io.marketgate.webhooks;

import static io.marketgate.webhooks.WebhookSignerTest.SPEC_BODY;
import static io.marketgate.webhooks.WebhookSignerTest.SPEC_ID;
import static io.marketgate.webhooks.WebhookSignerTest.SPEC_SECRET;
import static io.marketgate.webhooks.WebhookSignerTest.SPEC_SIGNATURE;
import static io.marketgate.webhooks.WebhookSignerTest.SPEC_TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.webhooks.WebhookVerification.Failure;
import io.marketgate.webhooks.WebhookVerification.Rejected;
import io.marketgate.webhooks.WebhookVerification.Verified;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {

    static final String TS = "1614265330";

    static WebhookVerifier verifierAt(Instant now) {
        return WebhookVerifier.builder()
                .secret(SPEC_SECRET)
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .build();
    }

    static Failure failureOf(WebhookVerification verification) {
        assertThat(verification).isInstanceOf(Rejected.class);
        return ((Rejected) verification).failure();
    }

    @Test
    void verifiesTheSpecificationExample() {
        var result = verifierAt(SPEC_TIMESTAMP).verify(SPEC_ID, TS, SPEC_SIGNATURE, SPEC_BODY);

        assertThat(result).isEqualTo(new Verified(SPEC_ID, SPEC_TIMESTAMP));
    }

    @Test
    void verifiesFromAMultiValuedHeaderMapWhateverTheCaseOfTheNames() {
        Map<String, List<String>> headers = Map.of(
                "Webhook-Id", List.of(SPEC_ID),
                "WEBHOOK-TIMESTAMP", List.of(TS),
                "webhook-signature", List.of("v1,bm90IGl0", SPEC_SIGNATURE));

        var result = verifierAt(SPEC_TIMESTAMP).verify(headers, SPEC_BODY.getBytes());

        assertThat(result.isVerified()).isTrue();
    }

    @Test
    void oneMatchingEntryAmongSeveralSignaturesIsEnough() {
        String header =
                "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= "
                        + SPEC_SIGNATURE + " v1,not-base64!";

        assertThat(verifierAt(SPEC_TIMESTAMP).verify(SPEC_ID, TS, header, SPEC_BODY))
                .isInstanceOf(Verified.class);
    }

    @Test
    void theSpecificationsHeaderExampleIsParsedAndItsAsymmetricEntrySkipped() {
        // From the specification's "Example headers"; its secret is not published, so it cannot match here.
        String header = "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4= "
                + "v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg==";
        var verifier = verifierAt(Instant.ofEpochSecond(1674087231));

        assertThat(failureOf(verifier.verify("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", "1674087231", header, "{}")))
                .isEqualTo(Failure.SIGNATURE_MISMATCH);
        assertThat(failureOf(verifier.verify(
                        "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W",
                        "1674087231",
                        header.substring(header.indexOf("v1a")),
                        "{}")))
                .isEqualTo(Failure.NO_SUPPORTED_SIGNATURE);
    }

    @Test
    void aTamperedBodyIdOrTimestampIsASignatureMismatch() {
        var verifier = verifierAt(SPEC_TIMESTAMP);

        assertThat(failureOf(verifier.verify(SPEC_ID, TS, SPEC_SIGNATURE, "{\"test\": 2432232315}")))
                .isEqualTo(Failure.SIGNATURE_MISMATCH);
        assertThat(failureOf(verifier.verify("msg_other", TS, SPEC_SIGNATURE, SPEC_BODY)))
                .isEqualTo(Failure.SIGNATURE_MISMATCH);
        assertThat(failureOf(verifier.verify(SPEC_ID, "1614265331", SPEC_SIGNATURE, SPEC_BODY)))
                .isEqualTo(Failure.SIGNATURE_MISMATCH);
    }

    @Test
    void aWrongSecretIsASignatureMismatch() {
        var verifier = WebhookVerifier.builder()
                .secret(WebhookSecret.generate())
                .clock(Clock.fixed(SPEC_TIMESTAMP, ZoneOffset.UTC))
                .build();

        assertThat(failureOf(verifier.verify(SPEC_ID, TS, SPEC_SIGNATURE, SPEC_BODY)))
                .isEqualTo(Failure.SIGNATURE_MISMATCH);
    }

    @Test
    void timestampsAreAcceptedUpToTheToleranceInBothDirectionsAndNoFurther() {
        Duration fiveMinutes = Duration.ofMinutes(5);

        assertThat(verifierAt(SPEC_TIMESTAMP.plus(fiveMinutes)).verify(SPEC_ID, TS, SPEC_SIGNATURE, SPEC_BODY))
                .isInstanceOf(Verified.class);
        assertThat(verifierAt(SPEC_TIMESTAMP.minus(fiveMinutes)).verify(SPEC_ID, TS, SPEC_SIGNATURE, SPEC_BODY))
                .isInstanceOf(Verified.class);
        assertThat(failureOf(verifierAt(SPEC_TIMESTAMP.plus(fiveMinutes).plusSeconds(1))
                        .verify(SPEC_ID, TS, SPEC_SIGNATURE, SPEC_BODY)))
                .isEqualTo(Failure.TIMESTAMP_TOO_OLD);
        assertThat(failureOf(verifierAt(SPEC_TIMESTAMP.minus(fiveMinutes).minusSeconds(1))
                        .verify(SPEC_ID, TS, SPEC_SIGNATURE, SPEC_BODY)))
                .isEqualTo(Failure.TIMESTAMP_TOO_NEW);
    }

    @Test
    void theToleranceIsConfigurable() {
        var verifier = WebhookVerifier.builder()
                .secret(SPEC_SECRET)
                .tolerance(Duration.ofSeconds(30))
                .clock(Clock.fixed(SPEC_TIMESTAMP.plusSeconds(31), ZoneOffset.UTC))
                .build();

        var rejected = verifier.verify(SPEC_ID, TS, SPEC_SIGNATURE, SPEC_BODY);

        assertThat(failureOf(rejected)).isEqualTo(Failure.TIMESTAMP_TOO_OLD);
        assertThat(((Rejected) rejected).message())
                .contains("webhook-timestamp")
                .contains("30 s");
    }

    @Test
    void missingOrMalformedHeadersAreNamed() {
        var verifier = verifierAt(SPEC_TIMESTAMP);

        assertThat(verifier.verify(null, TS, SPEC_SIGNATURE, SPEC_BODY))
                .isEqualTo(new Rejected(Failure.MISSING_HEADER, "missing header webhook-id"));
        assertThat(verifier.verify(SPEC_ID, "", SPEC_SIGNATURE, SPEC_BODY))
                .isEqualTo(new Rejected(Failure.MISSING_HEADER, "missing header webhook-timestamp"));
        assertThat(verifier.verify(SPEC_ID, TS, null, SPEC_BODY))
                .isEqualTo(new Rejected(Failure.MISSING_HEADER, "missing header webhook-signature"));
        assertThat(failureOf(verifier.verify(SPEC_ID, "-1614265330", SPEC_SIGNATURE, SPEC_BODY)))
                .isEqualTo(Failure.INVALID_TIMESTAMP);
        assertThat(failureOf(verifier.verify(SPEC_ID, "1614265330.5", SPEC_SIGNATURE, SPEC_BODY)))
                .isEqualTo(Failure.INVALID_TIMESTAMP);
        assertThat(failureOf(verifier.verify(SPEC_ID, TS, "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", SPEC_BODY)))
                .isEqualTo(Failure.NO_SUPPORTED_SIGNATURE);
    }

    @Test
    void duringARotationBothSecretsVerifyAndTheOldOneStopsAtItsEnd() {
        WebhookSecret next = WebhookSecret.generate();
        Instant oldEnds = SPEC_TIMESTAMP.plusSeconds(60);
        String signedWithNext = WebhookSigner.of(next).signature(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY.getBytes());
        WebhookVerifier.Builder builder = WebhookVerifier.builder().secret(next).secret(SPEC_SECRET, oldEnds);

        var before = builder.clock(Clock.fixed(SPEC_TIMESTAMP, ZoneOffset.UTC)).build();
        var after = builder.clock(Clock.fixed(oldEnds, ZoneOffset.UTC)).build();

        assertThat(before.verify(SPEC_ID, TS, SPEC_SIGNATURE, SPEC_BODY).isVerified())
                .isTrue();
        assertThat(before.verify(SPEC_ID, TS, signedWithNext, SPEC_BODY).isVerified())
                .isTrue();
        assertThat(failureOf(after.verify(SPEC_ID, TS, SPEC_SIGNATURE, SPEC_BODY)))
                .isEqualTo(Failure.SIGNATURE_MISMATCH);
        assertThat(after.verify(SPEC_ID, TS, signedWithNext, SPEC_BODY).isVerified())
                .isTrue();
    }

    @Test
    void whatTheSignerSendsTheVerifierAccepts() {
        var secret = WebhookSecret.generate();
        Instant now = Instant.parse("2026-12-02T06:00:00Z");
        byte[] body = "{\"type\":\"customer.registered\",\"data\":{\"name\":\"Ünïcode\"}}".getBytes();
        Map<String, String> sent = WebhookSigner.of(secret).headers("evt_1", now, body);

        var result = WebhookVerifier.builder()
                .secret(WebhookSecret.parse(secret.encoded()))
                .clock(Clock.fixed(now.plusSeconds(2), ZoneOffset.UTC))
                .build()
                .verify(sent.get("webhook-id"), sent.get("webhook-timestamp"), sent.get("webhook-signature"), body);

        assertThat(result).isEqualTo(new Verified("evt_1", now));
    }

    @Test
    void orThrowNamesTheFailure() {
        var rejected = verifierAt(SPEC_TIMESTAMP).verify(SPEC_ID, TS, SPEC_SIGNATURE, "tampered");

        assertThatThrownBy(rejected::orThrow)
                .isInstanceOfSatisfying(WebhookVerificationException.class, e -> assertThat(e.failure())
                        .isEqualTo(Failure.SIGNATURE_MISMATCH))
                .hasMessageContaining("webhook-signature");
    }
}
