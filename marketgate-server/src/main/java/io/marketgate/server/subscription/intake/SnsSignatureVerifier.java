package io.marketgate.server.subscription.intake;

import io.marketgate.server.subscription.intake.CertificateFetcher.CertificateRefused;
import io.marketgate.server.subscription.intake.CertificateFetcher.CertificateUnavailable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks an SNS envelope's signature as the SNS documentation describes: SignatureVersion 1 (SHA1withRSA)
 * or 2 (SHA256withRSA) over the string to sign, with the certificate at SigningCertURL, which must be an
 * AWS SNS URL (https, host {@code sns.<region>.amazonaws.com(.cn)}, a {@code .pem} path) unless
 * {@link SnsTrust} names it. Certificates are cached by URL.
 */
public final class SnsSignatureVerifier {

    private static final Pattern AWS_CERTIFICATE_HOST =
            Pattern.compile("^sns\\.[a-zA-Z0-9\\-]{3,}\\.amazonaws\\.com(\\.cn)?$");

    /** AWS rotates its certificate rarely; the bound only stops forged URLs from growing the cache. */
    private static final int CACHE_LIMIT = 64;

    private final SnsTrust trust;
    private final CertificateFetcher fetcher;
    private final Clock clock;
    private final Map<String, X509Certificate> cache = new ConcurrentHashMap<>();

    public SnsSignatureVerifier(SnsTrust trust, CertificateFetcher fetcher, Clock clock) {
        this.trust = trust;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** The outcome of checking one envelope. */
    sealed interface Verification {
        record Verified() implements Verification {}

        /** Forged, tampered or untrusted: quarantine it. */
        record Invalid(String reason) implements Verification {}

        /** The certificate cannot be had now: leave the message for redelivery. */
        record Unavailable(String reason) implements Verification {}
    }

    Verification verify(SnsEnvelope envelope) {
        String algorithm =
                switch (envelope.signatureVersion()) {
                    case "1" -> "SHA1withRSA";
                    case "2" -> "SHA256withRSA";
                    default -> null;
                };
        if (algorithm == null) {
            return new Verification.Invalid("unknown SignatureVersion " + Json.quote(envelope.signatureVersion()));
        }
        X509Certificate certificate;
        try {
            certificate = certificate(envelope.signingCertUrl());
        } catch (CertificateUnavailable e) {
            return new Verification.Unavailable(e.getMessage());
        } catch (CertificateRefused e) {
            return new Verification.Invalid(e.getMessage());
        }
        try {
            certificate.checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return new Verification.Invalid("the signing certificate is not valid now");
        }
        return signatureMatches(envelope, algorithm, certificate)
                ? new Verification.Verified()
                : new Verification.Invalid("the signature does not match the message (SignatureVersion "
                        + envelope.signatureVersion() + ")");
    }

    private X509Certificate certificate(String url) throws CertificateUnavailable, CertificateRefused {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new CertificateRefused("SigningCertURL " + Json.quote(url) + " is not a URL");
        }
        boolean trustedUrl = trust.certificateUrl() != null
                && trust.certificateUrl().toString().equals(url);
        if (!trustedUrl && !isAwsCertificateUrl(uri)) {
            if (trust.pinned() != null) {
                return trust.pinned();
            }
            throw new CertificateRefused("SigningCertURL " + Json.quote(url)
                    + " is not an AWS SNS certificate URL (https, host sns.<region>.amazonaws.com, .pem)");
        }
        X509Certificate cached = cache.get(url);
        if (cached != null) {
            return cached;
        }
        X509Certificate fetched = fetcher.fetch(uri);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(url, fetched);
        return fetched;
    }

    /** AWS's rules for SigningCertURL; the same in every SNS verifier AWS publishes. */
    static boolean isAwsCertificateUrl(URI url) {
        return "https".equals(url.getScheme())
                && url.getRawUserInfo() == null
                && (url.getPort() == -1 || url.getPort() == 443)
                && url.getHost() != null
                && AWS_CERTIFICATE_HOST.matcher(url.getHost()).matches()
                && url.getPath() != null
                && url.getPath().endsWith(".pem")
                && url.getRawQuery() == null;
    }

    private static boolean signatureMatches(SnsEnvelope envelope, String algorithm, X509Certificate certificate) {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(envelope.signature());
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(envelope.stringToSign().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
