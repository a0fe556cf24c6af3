package io.marketgate.server.fulfillment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** An HMAC-SHA256 key; never logged (its {@code toString} says nothing). */
public final class SigningKey {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;

    public SigningKey(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("a signing key needs at least 32 bytes");
        }
        this.secret = secret.clone();
    }

    /** A fresh random key (used when none is configured; it lives as long as the process). */
    public static SigningKey random() {
        return new SigningKey(randomBytes(32));
    }

    /** The key's bytes, as written in configuration: its UTF-8 bytes (at least 32). */
    public static SigningKey fromConfiguration(String value) {
        return new SigningKey(value.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] mac(String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** The MAC of {@code data}, base64url without padding. */
    public String macText(String data) {
        return base64(mac(data));
    }

    /** Whether {@code candidate} is the MAC of {@code data}, in constant time. */
    public boolean verify(String data, String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(
                macText(data).getBytes(StandardCharsets.US_ASCII), candidate.getBytes(StandardCharsets.US_ASCII));
    }

    public static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SHA-256 of {@code value}, hex. */
    public static String sha256(String value) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[hidden]";
    }
}
