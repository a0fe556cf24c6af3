package io.marketgate.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Signs webhook messages the Standard Webhooks way: {@code webhook-signature} carries {@code v1,<base64>} entries,
 * each an HMAC-SHA256 of {@code "{webhook-id}.{webhook-timestamp}.{body}"}.
 *
 * <p>During a secret rotation the message is signed with the current secret and with every previous secret whose
 * overlap has not ended yet, space-separated, so receivers that still hold an old secret keep verifying. Instances
 * are immutable and thread-safe.
 */
public final class WebhookSigner {

    private static final int MAX_ID_LENGTH = 256;

    private final List<Key> keys;

    private WebhookSigner(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /** A signer with one secret. */
    public static WebhookSigner of(WebhookSecret secret) {
        return builder().secret(secret).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The {@code webhook-signature} value for a message: one {@code v1,<base64>} entry per secret in force at
     * {@code timestamp}, the current secret first.
     *
     * @param webhookId the message id, the same on every retry; printable ASCII without {@code .} or spaces
     * @param timestamp the attempt time; only whole seconds are signed
     * @param body the exact bytes that will be sent
     */
    public String signature(String webhookId, Instant timestamp, byte[] body) {
        requireValidId(webhookId);
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(body, "body");
        String seconds = Long.toString(timestamp.getEpochSecond());
        List<String> entries = new ArrayList<>();
        for (Key key : keys) {
            if (key.notAfter() == null || timestamp.isBefore(key.notAfter())) {
                byte[] mac = key.secret().sign(webhookId, seconds, body);
                entries.add(StandardWebhooks.SIGNATURE_VERSION + ","
                        + Base64.getEncoder().encodeToString(mac));
            }
        }
        return String.join(" ", entries);
    }

    /**
     * The three Standard Webhooks headers for a message, in the order {@code webhook-id}, {@code webhook-timestamp},
     * {@code webhook-signature}.
     */
    public Map<String, String> headers(String webhookId, Instant timestamp, byte[] body) {
        String signature = signature(webhookId, timestamp, body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(StandardWebhooks.ID_HEADER, webhookId);
        headers.put(StandardWebhooks.TIMESTAMP_HEADER, Long.toString(timestamp.getEpochSecond()));
        headers.put(StandardWebhooks.SIGNATURE_HEADER, signature);
        return Collections.unmodifiableMap(headers);
    }

    /** {@link #headers(String, Instant, byte[])} for a UTF-8 body. */
    public Map<String, String> headers(String webhookId, Instant timestamp, String body) {
        return headers(webhookId, timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void requireValidId(String webhookId) {
        if (webhookId == null || webhookId.isEmpty() || webhookId.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("webhook id must be 1 to " + MAX_ID_LENGTH + " characters");
        }
        for (int i = 0; i < webhookId.length(); i++) {
            char c = webhookId.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '.') {
                throw new IllegalArgumentException(
                        "webhook id may hold printable ASCII only, without '.' or spaces: it is part of the signed content");
            }
        }
    }

    private record Key(WebhookSecret secret, Instant notAfter) {}

    /** Collects the current secret and the previous ones still in their overlap period. */
    public static final class Builder {
        private WebhookSecret current;
        private final List<Key> previous = new ArrayList<>();

        private Builder() {}

        /** The current secret; required. */
        public Builder secret(WebhookSecret secret) {
            this.current = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /**
         * A previous secret that also signs messages whose timestamp is before {@code overlapEnds}, so receivers have
         * until then to switch to the current one.
         */
        public Builder previousSecret(WebhookSecret secret, Instant overlapEnds) {
            previous.add(new Key(Objects.requireNonNull(secret, "secret"), Objects.requireNonNull(overlapEnds)));
            return this;
        }

        public WebhookSigner build() {
            if (current == null) {
                throw new IllegalStateException("a webhook signer needs a current secret");
            }
            List<Key> keys = new ArrayList<>();
            keys.add(new Key(current, null));
            keys.addAll(previous);
            return new WebhookSigner(keys);
        }
    }
}
