package io.marketgate.webhooks;

/** Names fixed by the Standard Webhooks specification. */
public final class StandardWebhooks {

    /** The message id, unchanged across retries: use it as the receiver's idempotency key. */
    public static final String ID_HEADER = "webhook-id";

    /** The attempt time in integer Unix seconds. */
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";

    /** Space-separated {@code <version>,<base64 signature>} entries. */
    public static final String SIGNATURE_HEADER = "webhook-signature";

    /** The version identifier of symmetric (HMAC-SHA256) signatures. */
    public static final String SIGNATURE_VERSION = "v1";

    private StandardWebhooks() {}
}
