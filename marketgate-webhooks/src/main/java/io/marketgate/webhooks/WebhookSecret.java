package io.marketgate.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A symmetric Standard Webhooks signing secret: 24 to 64 random bytes, shown to people as {@code whsec_} followed
 * by the bytes in standard base64.
 *
 * <p>{@link #toString()} never reveals the key, so a secret that ends up in a log line or an exception message
 * stays secret.
 */
public final class WebhookSecret {

    /** The prefix the specification gives symmetric secrets so that they are recognisable. */
    public static final String PREFIX = "whsec_";

    /** Fewer bytes than this are refused: the specification asks for at least 192 bits. */
    public static final int MIN_BYTES = 24;

    /** More bytes than this are refused: the specification caps secrets at 512 bits. */
    public static final int MAX_BYTES = 64;

    private static final int GENERATED_BYTES = 32;
    private static final String HMAC = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "webhook secret must be " + MIN_BYTES + " to " + MAX_BYTES + " bytes long, got " + key.length);
        }
        this.key = key.clone();
    }

    /**
     * Reads a secret in the {@code whsec_<base64>} form; the bare base64 without the prefix is accepted too.
     *
     * @throws IllegalArgumentException when the text is empty, not base64, or of the wrong length; the message
     *     never contains the text
     */
    public static WebhookSecret parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("webhook secret is empty");
        }
        String encoded = text.strip();
        if (encoded.startsWith(PREFIX)) {
            encoded = encoded.substring(PREFIX.length());
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook secret is not base64 after the " + PREFIX + " prefix");
        }
        return new WebhookSecret(key);
    }

    /** Wraps raw key bytes (copied). */
    public static WebhookSecret ofBytes(byte[] key) {
        return new WebhookSecret(key);
    }

    /** A new random 32-byte secret from a {@link SecureRandom}. */
    public static WebhookSecret generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return new WebhookSecret(key);
    }

    /** The {@code whsec_<base64>} form, to show once to the receiver or to store encrypted. */
    public String encoded() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** HMAC-SHA256 of {@code "{id}.{timestamp}.{body}"} under this secret. */
    byte[] sign(String webhookId, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSecret[redacted]";
    }
}
