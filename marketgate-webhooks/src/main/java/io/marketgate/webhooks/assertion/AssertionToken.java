package io.marketgate.webhooks.assertion;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The wire format: {@code v1.<base64url(JSON payload)>.<base64url(HMAC-SHA256(key, "v1.<payload part>"))>}, without
 * padding, so the token fits in a URL query parameter as it is. The version prefix is signed too, which also keeps
 * these MACs apart from any other use of the same key.
 */
final class AssertionToken {

    static final String VERSION = "v1";
    static final int MAX_LENGTH = 4096;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private AssertionToken() {}

    static String encode(RegistrationAssertion assertion, AssertionKey key) {
        Registration r = assertion.registration();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("customer", r.customerId());
        fields.put("product", r.productId());
        fields.put("account", r.awsAccountId());
        fields.put("license", r.licenseArn());
        fields.put("customerIdentifier", r.customerIdentifier());
        fields.put("tenant", r.tenantId());
        fields.put("nonce", assertion.nonce());
        fields.put("iat", assertion.issuedAt().getEpochSecond());
        fields.put("exp", assertion.expiresAt().getEpochSecond());
        String signedPart =
                VERSION + "." + ENCODER.encodeToString(FlatJson.write(fields).getBytes(StandardCharsets.UTF_8));
        return signedPart + "." + ENCODER.encodeToString(key.mac(signedPart.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The three parts of a token, split but not yet trusted. */
    record Parts(String version, String signedPart, String payload, byte[] mac) {}

    /** Splits a token; null when it does not have the shape of one. */
    static Parts split(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            return null;
        }
        int first = token.indexOf('.');
        int last = token.lastIndexOf('.');
        if (first < 0 || first == last || token.indexOf('.', first + 1) != last) {
            return null;
        }
        try {
            return new Parts(
                    token.substring(0, first),
                    token.substring(0, last),
                    token.substring(first + 1, last),
                    DECODER.decode(token.substring(last + 1)));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /** Reads the payload of a token whose MAC has been checked. */
    static RegistrationAssertion decodePayload(String payload) {
        Map<String, Object> f = FlatJson.read(new String(DECODER.decode(payload), StandardCharsets.UTF_8));
        Registration registration = new Registration(
                text(f, "customer"),
                text(f, "product"),
                text(f, "account"),
                text(f, "license"),
                text(f, "customerIdentifier"),
                text(f, "tenant"));
        return new RegistrationAssertion(
                registration,
                text(f, "nonce"),
                Instant.ofEpochSecond(seconds(f, "iat")),
                Instant.ofEpochSecond(seconds(f, "exp")));
    }

    private static String text(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException(name + " must be a string");
        }
        return (String) value;
    }

    private static long seconds(Map<String, Object> fields, String name) {
        if (!(fields.get(name) instanceof Long value)) {
            throw new IllegalArgumentException(name + " must be an integer");
        }
        return value;
    }
}
