package io.marketgate.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shape of an API key: {@code mg_<id part>_<secret>}, where the id part is 16 characters of
 * {@code [a-z2-7]} (80 random bits; the key's id is {@code key_<id part>}) and the secret 43 base64url
 * characters (256 random bits). The id makes the lookup one primary-key read; the secret is compared as
 * a SHA-256 hash in constant time.
 *
 * <p>Why SHA-256 and not bcrypt/argon2: those slow hashes protect low-entropy passwords from guessing. A
 * 256-bit random secret cannot be guessed whatever the hash costs, so a fast hash loses nothing and keeps
 * a per-request check in microseconds.
 */
final class KeyFormat {

    static final String KEY_PREFIX = "mg_";
    static final String ID_PREFIX = "key_";
    private static final int ID_LENGTH = 16;
    private static final int SECRET_BYTES = 32;
    private static final int MAX_KEY_LENGTH = 200;
    private static final Pattern KEY = Pattern.compile("mg_([a-z0-9]{16})_([A-Za-z0-9_-]{32,160})");
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

    private final SecureRandom random;

    KeyFormat(SecureRandom random) {
        this.random = random;
    }

    /** A new key and its id. */
    Generated generate() {
        StringBuilder idPart = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            idPart.append(BASE32.charAt(random.nextInt(BASE32.length())));
        }
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String key = KEY_PREFIX + idPart + "_"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Generated(ID_PREFIX + idPart, key);
    }

    record Generated(String id, String key) {}

    /** The id a presented key claims, if it has the shape of a key at all. */
    static Optional<String> idOf(String presented) {
        if (presented == null || presented.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        var matcher = KEY.matcher(presented);
        return matcher.matches() ? Optional.of(ID_PREFIX + matcher.group(1)) : Optional.empty();
    }

    /** The stored form of a key: lowercase hex SHA-256 of its UTF-8 bytes. */
    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Compares a presented key with a stored hash in time independent of where they differ. */
    static boolean matches(String presented, String storedHash) {
        return MessageDigest.isEqual(
                hash(presented).getBytes(StandardCharsets.US_ASCII),
                storedHash.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
