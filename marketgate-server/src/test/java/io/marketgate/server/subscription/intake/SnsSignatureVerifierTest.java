package io.marketgate.server.subscription.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.product.PricingModel;
import io.marketgate.server.subscription.intake.CertificateFetcher.CertificateUnavailable;
import io.marketgate.server.subscription.intake.SnsSignatureVerifier.Verification;
import io.marketgate.simulator.sns.SnsSignatureVersion;
import io.marketgate.simulator.sqs.NotificationSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** SNS signatures of envelopes the simulator really signed and delivered, checked as production checks them. */
class SnsSignatureVerifierTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AWS_CERT_URL =
            "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0123456789abcdef.pem";

    private static SimulatedNotifications sim;

    @BeforeAll
    static void start() {
        sim = new SimulatedNotifications(8);
        sim.product("sigprod1", PricingModel.SUBSCRIPTION);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void version2EnvelopesVerifyAgainstTheTrustedSimulatorCertificate() {
        String body = deliveredEnvelope(SnsSignatureVersion.V2, "510000000001");

        assertThat(field(body, "SignatureVersion")).isEqualTo("2");
        assertThat(trustingSimulatorUrl().verify(envelope(body))).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void version1EnvelopesVerifyAgainstTheTrustedSimulatorCertificate() {
        String body = deliveredEnvelope(SnsSignatureVersion.V1, "510000000002");

        assertThat(field(body, "SignatureVersion")).isEqualTo("1");
        assertThat(trustingSimulatorUrl().verify(envelope(body))).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void aTamperedMessageFailsVerification() {
        ObjectNode tampered = (ObjectNode) JSON.readTree(deliveredEnvelope(SnsSignatureVersion.V2, "510000000003"));
        tampered.put(
                "Message", tampered.get("Message").stringValue().replace("subscribe-success", "unsubscribe-success"));

        assertThat(trustingSimulatorUrl().verify(envelope(tampered.toString())))
                .isInstanceOfSatisfying(
                        Verification.Invalid.class, i -> assertThat(i.reason()).contains("signature does not match"));
    }

    @Test
    void theSimulatorsCertificateIsNotTrustedWithoutConfiguration() {
        var verifier = new SnsSignatureVerifier(SnsTrust.awsOnly(), failingFetcher(), Clock.systemUTC());

        assertThat(verifier.verify(envelope(deliveredEnvelope(SnsSignatureVersion.V2, "510000000004"))))
                .isInstanceOfSatisfying(Verification.Invalid.class, i -> assertThat(i.reason())
                        .contains("is not an AWS SNS certificate URL"));
    }

    @Test
    void aForgedCertificateHostIsRefusedWithoutBeingFetched() {
        List<URI> fetched = new ArrayList<>();
        var verifier = new SnsSignatureVerifier(
                SnsTrust.awsOnly(),
                url -> {
                    fetched.add(url);
                    return sim.simulator().notifications().signingCertificate().certificate();
                },
                Clock.systemUTC());

        for (String forged : List.of(
                "https://sns.us-east-1.amazonaws.com.evil.example/cert.pem",
                "http://sns.us-east-1.amazonaws.com/cert.pem",
                "https://sns.us-east-1.amazonaws.com/cert.txt",
                "https://evil.example/sns.us-east-1.amazonaws.com/cert.pem",
                "https://sns.us-east-1.amazonaws.com:8443/cert.pem",
                "https://user@sns.us-east-1.amazonaws.com/cert.pem")) {
            assertThat(verifier.verify(withCertUrl(deliveredEnvelopeOnce(), forged)))
                    .as(forged)
                    .isInstanceOf(Verification.Invalid.class);
        }
        assertThat(fetched).isEmpty();
    }

    @Test
    void anAwsCertificateUrlIsFetchedOnceAndCached() {
        List<URI> fetched = new ArrayList<>();
        var verifier = new SnsSignatureVerifier(
                SnsTrust.awsOnly(),
                url -> {
                    fetched.add(url);
                    return sim.simulator().notifications().signingCertificate().certificate();
                },
                Clock.systemUTC());
        SnsEnvelope envelope = withCertUrl(deliveredEnvelopeOnce(), AWS_CERT_URL);

        assertThat(verifier.verify(envelope)).isInstanceOf(Verification.Verified.class);
        assertThat(verifier.verify(envelope)).isInstanceOf(Verification.Verified.class);
        assertThat(fetched).containsExactly(URI.create(AWS_CERT_URL));
    }

    @Test
    void anUnreachableCertificateIsATemporaryFailureNotAVerdict() {
        var verifier = new SnsSignatureVerifier(
                SnsTrust.awsOnly(),
                url -> {
                    throw new CertificateUnavailable("connection refused", null);
                },
                Clock.systemUTC());

        assertThat(verifier.verify(withCertUrl(deliveredEnvelopeOnce(), AWS_CERT_URL)))
                .isInstanceOf(Verification.Unavailable.class);
    }

    @Test
    void aPinnedCertificateVerifiesWithoutAnyFetch() {
        var verifier = new SnsSignatureVerifier(
                new SnsTrust(
                        null,
                        sim.simulator().notifications().signingCertificate().certificate()),
                failingFetcher(),
                Clock.systemUTC());

        assertThat(verifier.verify(envelope(deliveredEnvelopeOnce()))).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void anotherKeyThanThePinnedOneFailsVerification() {
        var otherKey =
                io.marketgate.simulator.sns.SnsSigningCertificate.generate().certificate();
        var verifier = new SnsSignatureVerifier(new SnsTrust(null, otherKey), failingFetcher(), Clock.systemUTC());

        assertThat(verifier.verify(envelope(deliveredEnvelopeOnce()))).isInstanceOf(Verification.Invalid.class);
    }

    @Test
    void anUnknownSignatureVersionIsRefused() {
        ObjectNode json = (ObjectNode) JSON.readTree(deliveredEnvelopeOnce());
        json.put("SignatureVersion", "3");

        assertThat(trustingSimulatorUrl().verify(envelope(json.toString()))).isInstanceOf(Verification.Invalid.class);
    }

    private static String onceDelivered;

    /** One delivered envelope shared by the tests that only rewrite it. */
    private static synchronized String deliveredEnvelopeOnce() {
        if (onceDelivered == null) {
            onceDelivered = deliveredEnvelope(SnsSignatureVersion.V2, "510000000099");
        }
        return onceDelivered;
    }

    private static synchronized String deliveredEnvelope(SnsSignatureVersion version, String buyer) {
        sim.simulator()
                .notifications()
                .configure(NotificationSettings.defaults().withSnsSignatureVersion(version));
        sim.subscribe("sigprod1", buyer);
        List<String> bodies = sim.take(SimulatedNotifications.queueName("sigprod1"), 3);
        return bodies.stream().filter(b -> b.contains("\"Type\"")).findFirst().orElseThrow();
    }

    private static SnsSignatureVerifier trustingSimulatorUrl() {
        return new SnsSignatureVerifier(
                new SnsTrust(sim.certificateUrl(), null),
                new HttpCertificateFetcher(Duration.ofSeconds(5)),
                Clock.systemUTC());
    }

    private static CertificateFetcher failingFetcher() {
        return url -> {
            throw new AssertionError("no certificate may be fetched here, asked for " + url);
        };
    }

    private static SnsEnvelope envelope(String body) {
        return SnsEnvelope.of(JSON.readTree(body));
    }

    private static SnsEnvelope withCertUrl(String body, String url) {
        ObjectNode json = (ObjectNode) JSON.readTree(body);
        json.put("SigningCertURL", url);
        return envelope(json.toString());
    }

    private static String field(String body, String name) {
        return JSON.readTree(body).get(name).stringValue();
    }
}
