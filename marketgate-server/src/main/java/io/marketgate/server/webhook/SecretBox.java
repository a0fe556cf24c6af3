package io.marketgate.server.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts webhook signing secrets at rest with AES-256-GCM: {@code v1:} + base64(12-byte nonce ‖ ciphertext
 * ‖ tag). The endpoint id is authenticated with it, so a sealed secret copied to another row does not open.
 */
final class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the webhook encryption key must be 32 bytes (base64 of 32 bytes)");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    static SecretBox ofBase64(String encoded) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("marketgate.webhooks.encryption-key is not base64");
        }
        return new SecretBox(key);
    }

    String seal(String secret, String endpointId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, endpointId, secret.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
        return PREFIX + Base64.getEncoder().encodeToString(out);
    }

    String open(String sealed, String endpointId) {
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("unknown sealed secret format for webhook endpoint " + endpointId);
        }
        byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        byte[] nonce = java.util.Arrays.copyOf(in, NONCE_BYTES);
        byte[] body = java.util.Arrays.copyOfRange(in, NONCE_BYTES, in.length);
        return new String(crypt(Cipher.DECRYPT_MODE, nonce, endpointId, body), StandardCharsets.UTF_8);
    }

    private byte[] crypt(int mode, byte[] nonce, String endpointId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(endpointId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "cannot " + (mode == Cipher.ENCRYPT_MODE ? "seal" : "open") + " the secret of webhook endpoint "
                            + endpointId + " (wrong marketgate.webhooks.encryption-key?)",
                    e);
        }
    }
}
