package io.marketgate.webhooks.assertion;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 key Marketgate and the seller's application share to sign and verify registration assertions:
 * 32 to 64 random bytes, written as base64 (standard or URL-safe alphabet).
 *
 * <p>{@link #toString()} never reveals the key.
 */
public final class AssertionKey {

    /** Fewer bytes than this are refused: an HMAC-SHA256 key should be at least as long as the hash. */
    public static final int MIN_BYTES = 32;

    /** More bytes than this are refused: longer keys are hashed down by HMAC and add nothing. */
    public static final int MAX_BYTES = 64;

    private static final String HMAC = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private AssertionKey(byte[] key) {
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "assertion key must be " + MIN_BYTES + " to " + MAX_BYTES + " bytes long, got " + key.length);
        }
        this.key = key.clone();
    }

    /**
     * Reads a key written as base64.
     *
     * @throws IllegalArgumentException when the text is empty, not base64, or of the wrong length; the message never
     *     contains the text
     */
    public static AssertionKey parse(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("assertion key is empty");
        }
        String text = base64.strip();
        byte[] bytes;
        try {
            bytes = text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("assertion key is not base64");
        }
        return new AssertionKey(bytes);
    }

    /** Wraps raw key bytes (copied). */
    public static AssertionKey ofBytes(byte[] key) {
        return new AssertionKey(key);
    }

    /** A new random 32-byte key from a {@link SecureRandom}. */
    public static AssertionKey generate() {
        byte[] bytes = new byte[MIN_BYTES];
        RANDOM.nextBytes(bytes);
        return new AssertionKey(bytes);
    }

    /** The key in standard base64, to put in both parties' configuration. */
    public String encoded() {
        return Base64.getEncoder().encodeToString(key);
    }

    byte[] mac(byte[] content) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "AssertionKey[redacted]";
    }
}
