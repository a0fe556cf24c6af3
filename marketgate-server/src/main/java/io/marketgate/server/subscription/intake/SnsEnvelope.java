package io.marketgate.server.subscription.intake;

import tools.jackson.databind.JsonNode;

/**
 * An SNS message as an SQS subscriber without raw message delivery receives it (the SQS body is this JSON).
 *
 * @param subject null when absent: it is signed only if present
 */
record SnsEnvelope(
        String type,
        String messageId,
        String topicArn,
        String subject,
        String message,
        String timestamp,
        String signatureVersion,
        String signature,
        String signingCertUrl) {

    /** Whether {@code json} looks like an SNS envelope rather than an EventBridge event. */
    static boolean looksLikeOne(JsonNode json) {
        return json.has("Type") && (json.has("TopicArn") || json.has("Signature"));
    }

    /** The envelope's fields; a Notification without one of its signed or signature fields is malformed. */
    static SnsEnvelope of(JsonNode json) {
        String type = Json.requiredText(json, "Type");
        if (!"Notification".equals(type)) {
            throw new MalformedNotification(
                    "SNS message Type " + Json.quote(type) + " is not handled (only Notification is); a"
                            + " SubscriptionConfirmation is confirmed by opening its SubscribeURL");
        }
        return new SnsEnvelope(
                type,
                Json.requiredText(json, "MessageId"),
                Json.requiredText(json, "TopicArn"),
                Json.text(json, "Subject"),
                Json.requiredText(json, "Message"),
                Json.requiredText(json, "Timestamp"),
                Json.requiredText(json, "SignatureVersion"),
                Json.requiredText(json, "Signature"),
                Json.requiredText(json, "SigningCertURL"));
    }

    /**
     * What SNS signs for a Notification: {@code key\nvalue\n} for Message, MessageId, Subject (only when
     * present), Timestamp, TopicArn and Type, in this order.
     */
    String stringToSign() {
        StringBuilder out = new StringBuilder();
        append(out, "Message", message);
        append(out, "MessageId", messageId);
        if (subject != null) {
            append(out, "Subject", subject);
        }
        append(out, "Timestamp", timestamp);
        append(out, "TopicArn", topicArn);
        append(out, "Type", type);
        return out.toString();
    }

    private static void append(StringBuilder out, String key, String value) {
        out.append(key).append('\n').append(value).append('\n');
    }
}
