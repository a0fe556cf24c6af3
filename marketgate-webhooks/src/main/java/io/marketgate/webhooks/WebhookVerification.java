package io.marketgate.webhooks;

import java.time.Instant;

/** The outcome of verifying one webhook message: {@link Verified} or {@link Rejected}, never both. */
public sealed interface WebhookVerification {

    /** Whether the message is authentic and fresh. */
    default boolean isVerified() {
        return this instanceof Verified;
    }

    /**
     * The verified message, for callers that prefer an exception to a switch.
     *
     * @throws WebhookVerificationException naming the {@link Failure} when the message was rejected
     */
    default Verified orThrow() {
        return switch (this) {
            case Verified verified -> verified;
            case Rejected rejected -> throw new WebhookVerificationException(rejected.failure(), rejected.message());
        };
    }

    /**
     * An authentic message signed within the tolerance.
     *
     * @param webhookId the {@code webhook-id}: the same on every retry and replay, so use it to process a message
     *     once
     * @param timestamp the {@code webhook-timestamp} of this attempt
     */
    record Verified(String webhookId, Instant timestamp) implements WebhookVerification {}

    /**
     * A message that must not be trusted; answer it with 400 or 401 and do not process it.
     *
     * @param failure what failed
     * @param message a sentence naming the header at fault, free of secrets and of the body
     */
    record Rejected(Failure failure, String message) implements WebhookVerification {}

    /** What made a message fail verification. */
    enum Failure {
        /** {@code webhook-id}, {@code webhook-timestamp} or {@code webhook-signature} is absent or empty. */
        MISSING_HEADER,
        /** {@code webhook-timestamp} is not an integer number of seconds. */
        INVALID_TIMESTAMP,
        /** {@code webhook-timestamp} is older than the tolerance allows: possibly a replay. */
        TIMESTAMP_TOO_OLD,
        /** {@code webhook-timestamp} is further in the future than the tolerance allows. */
        TIMESTAMP_TOO_NEW,
        /** {@code webhook-signature} holds no {@code v1} entry. */
        NO_SUPPORTED_SIGNATURE,
        /** No {@code v1} entry matches the id, timestamp and body under any configured secret. */
        SIGNATURE_MISMATCH
    }
}
