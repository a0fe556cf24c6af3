package io.marketgate.simulator.sns;

import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The simulator's SNS signing identity: an RSA 2048 key and a self-signed X.509 certificate, made once
 * per simulator instance (on first use, as key generation takes a moment). Nothing chains it to a
 * public root: a verifier must be told explicitly to trust it.
 */
public final class SnsSigningCertificate {

    public static final String SUBJECT = "CN=sns.simulator.marketgate.local, O=Marketgate AWS Marketplace simulator";

    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final String pem;

    private SnsSigningCertificate(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.pem = toPem(certificate);
    }

    /** Generates a fresh key and a certificate valid from an hour ago for ten years. */
    public static SnsSigningCertificate generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            KeyPair keyPair = generator.generateKeyPair();
            return new SnsSigningCertificate(keyPair, selfSigned(keyPair));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create the simulator's SNS signing certificate", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate in PEM, as SNS serves it at SigningCertURL. */
    public String pem() {
        return pem;
    }

    /** Base64 signature of the UTF-8 string to sign with the algorithm of the SNS signature version. */
    public String sign(String stringToSign, SnsSignatureVersion version) {
        try {
            Signature signature = Signature.getInstance(version.algorithm());
            signature.initSign(keyPair.getPrivate());
            signature.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an SNS message with " + version.algorithm(), e);
        }
    }

    private static X509Certificate selfSigned(KeyPair keyPair)
            throws GeneralSecurityException, OperatorCreationException {
        X500Name subject = new X500Name(SUBJECT);
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject,
                BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(3650))),
                subject,
                keyPair.getPublic());
        var signer = new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static String toPem(X509Certificate certificate) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(certificate);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
