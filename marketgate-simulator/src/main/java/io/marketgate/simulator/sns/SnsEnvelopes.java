package io.marketgate.simulator.sns;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wraps notifications in signed SNS envelopes, as an SQS subscriber without raw message delivery
 * receives them: Type, MessageId, TopicArn, Message, Timestamp, SignatureVersion, Signature,
 * SigningCertURL, UnsubscribeURL.
 */
public final class SnsEnvelopes {

    /** Where the simulator serves its certificate; the file name follows SNS's own naming. */
    public static final String CERTIFICATE_PATH = "/_sim/sns/SimpleNotificationService-marketgate.pem";

    public static final String UNSUBSCRIBE_PATH = "/_sim/sns/unsubscribe";

    /** SNS timestamps always carry milliseconds, e.g. {@code 2012-03-29T05:12:16.901Z}. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Supplier<SnsSigningCertificate> certificate;
    private final Supplier<URI> simulatorEndpoint;

    /**
     * @param certificate the signing identity, fetched on first use
     * @param simulatorEndpoint the simulator's base URL, known once its port is bound
     */
    public SnsEnvelopes(Supplier<SnsSigningCertificate> certificate, Supplier<URI> simulatorEndpoint) {
        this.certificate = certificate;
        this.simulatorEndpoint = simulatorEndpoint;
    }

    /** The envelope JSON, signed with the given signature version. */
    public String envelope(
            SnsNotification notification, String messageId, Instant timestamp, SnsSignatureVersion version) {
        String time = TIMESTAMP.format(timestamp);
        Map<String, String> envelope = new LinkedHashMap<>();
        envelope.put("Type", "Notification");
        envelope.put("MessageId", messageId);
        envelope.put("TopicArn", notification.topicArn());
        if (notification.subject() != null) {
            envelope.put("Subject", notification.subject());
        }
        envelope.put("Message", notification.message());
        envelope.put("Timestamp", time);
        envelope.put("SignatureVersion", version.wireValue());
        envelope.put("Signature", certificate.get().sign(stringToSign(notification, messageId, time), version));
        URI base = simulatorEndpoint.get();
        envelope.put("SigningCertURL", base + CERTIFICATE_PATH);
        envelope.put(
                "UnsubscribeURL",
                base + UNSUBSCRIBE_PATH + "?SubscriptionArn=" + notification.topicArn() + ":"
                        + messageId.substring(0, 8) + "-simulated");
        return JSON.writeValueAsString(envelope);
    }

    /**
     * The bytes SNS signs for a Notification: {@code key\nvalue\n} for Message, MessageId, Subject (only
     * if present), Timestamp, TopicArn and Type, in that order.
     */
    public static String stringToSign(SnsNotification notification, String messageId, String timestamp) {
        StringBuilder out = new StringBuilder();
        append(out, "Message", notification.message());
        append(out, "MessageId", messageId);
        if (notification.subject() != null) {
            append(out, "Subject", notification.subject());
        }
        append(out, "Timestamp", timestamp);
        append(out, "TopicArn", notification.topicArn());
        append(out, "Type", "Notification");
        return out.toString();
    }

    private static void append(StringBuilder out, String key, String value) {
        out.append(key).append('\n').append(value).append('\n');
    }
}
