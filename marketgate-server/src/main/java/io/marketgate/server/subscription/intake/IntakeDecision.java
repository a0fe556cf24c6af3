package io.marketgate.server.subscription.intake;

import io.marketgate.server.subscription.Notification;

/** What to do with one message from a notification queue. */
public sealed interface IntakeDecision {

    /** The product the message is for, when it could be told; null otherwise. */
    String productId();

    /** Parsed and verified: hand it to the sink, then delete the message. */
    record Accept(Notification notification) implements IntakeDecision {
        @Override
        public String productId() {
            return notification.productId();
        }
    }

    /**
     * Cannot be parsed or verified: store it in the quarantine, then delete the message.
     *
     * @param messageId the SNS MessageId or EventBridge id when the body yields one, else null
     */
    record Quarantine(String messageId, String productId, String reason) implements IntakeDecision {}

    /** Valid, but nothing Marketgate acts on (e.g. a renewal advisory): count it, then delete the message. */
    record Ignore(String messageId, String productId, String reason) implements IntakeDecision {}

    /** Cannot be decided now (the signing certificate is unreachable): leave the message for redelivery. */
    record Retry(String productId, String reason) implements IntakeDecision {}
}
