package io.marketgate.simulator.sns;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A verifier written from the SNS documentation, independent of the simulator's signing code: fetch the
 * certificate from SigningCertURL, rebuild the string to sign, check the RSA signature. It trusts whatever
 * certificate the URL serves, which only a test (or an explicit simulator trust setting) may do.
 */
final class SnsTestVerifier {

    private static final List<String> SIGNED_KEYS =
            List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type");

    private SnsTestVerifier() {}

    static boolean verifies(JsonNode envelope) throws Exception {
        String algorithm =
                switch (envelope.get("SignatureVersion").stringValue()) {
                    case "1" -> "SHA1withRSA";
                    case "2" -> "SHA256withRSA";
                    default -> throw new IllegalArgumentException("unknown SignatureVersion");
                };
        Signature signature = Signature.getInstance(algorithm);
        signature.initVerify(certificate(envelope.get("SigningCertURL").stringValue()));
        signature.update(stringToSign(envelope).getBytes(StandardCharsets.UTF_8));
        return signature.verify(
                Base64.getDecoder().decode(envelope.get("Signature").stringValue()));
    }

    static X509Certificate certificate(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("certificate URL answered " + response.statusCode());
        }
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(response.body()));
    }

    private static String stringToSign(JsonNode envelope) {
        StringBuilder out = new StringBuilder();
        for (String key : SIGNED_KEYS) {
            if (envelope.has(key)) {
                out.append(key)
                        .append('\n')
                        .append(envelope.get(key).stringValue())
                        .append('\n');
            }
        }
        return out.toString();
    }
}
