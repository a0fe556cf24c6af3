package io.marketgate.webhooks;

import io.marketgate.webhooks.WebhookVerification.Failure;
import io.marketgate.webhooks.WebhookVerification.Rejected;
import io.marketgate.webhooks.WebhookVerification.Verified;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies Standard Webhooks messages: the three headers are present, {@code webhook-timestamp} is within the
 * tolerance of the clock (five minutes by default, both directions), and at least one {@code v1} entry of
 * {@code webhook-signature} matches under at least one configured secret. Signatures are compared in constant time;
 * entries of other versions ({@code v1a}, ...) are skipped. Instances are immutable and thread-safe.
 *
 * <p>Pass the raw body bytes exactly as received: parsing the JSON and serialising it again changes the bytes.
 */
public final class WebhookVerifier {

    /** The tolerance the specification's libraries use, and the default here. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final int MAX_TIMESTAMP_DIGITS = 18;

    private final List<Key> keys;
    private final Duration tolerance;
    private final Clock clock;

    private WebhookVerifier(List<Key> keys, Duration tolerance, Clock clock) {
        this.keys = List.copyOf(keys);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** A verifier with one secret, the default tolerance and the system clock. */
    public static WebhookVerifier of(WebhookSecret secret) {
        return builder().secret(secret).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a message given its three header values (any may be null when absent) and the raw body.
     *
     * @return {@link Verified} with the message id and timestamp, or {@link Rejected} naming what failed
     */
    public WebhookVerification verify(String webhookId, String webhookTimestamp, String webhookSignature, byte[] body) {
        Objects.requireNonNull(body, "body");
        if (isBlank(webhookId)) {
            return missing(StandardWebhooks.ID_HEADER);
        }
        if (isBlank(webhookTimestamp)) {
            return missing(StandardWebhooks.TIMESTAMP_HEADER);
        }
        if (isBlank(webhookSignature)) {
            return missing(StandardWebhooks.SIGNATURE_HEADER);
        }
        String timestampText = webhookTimestamp.strip();
        if (!isDigits(timestampText)) {
            return new Rejected(
                    Failure.INVALID_TIMESTAMP,
                    StandardWebhooks.TIMESTAMP_HEADER + " is not an integer number of Unix seconds");
        }
        Instant timestamp = Instant.ofEpochSecond(Long.parseLong(timestampText));
        Instant now = clock.instant();
        if (timestamp.isBefore(now.minus(tolerance))) {
            return new Rejected(
                    Failure.TIMESTAMP_TOO_OLD,
                    StandardWebhooks.TIMESTAMP_HEADER + " " + timestampText + " is more than " + tolerance.toSeconds()
                            + " s before now (" + now.getEpochSecond() + ")");
        }
        if (timestamp.isAfter(now.plus(tolerance))) {
            return new Rejected(
                    Failure.TIMESTAMP_TOO_NEW,
                    StandardWebhooks.TIMESTAMP_HEADER + " " + timestampText + " is more than " + tolerance.toSeconds()
                            + " s after now (" + now.getEpochSecond() + ")");
        }
        List<byte[]> candidates = v1Signatures(webhookSignature);
        if (candidates.isEmpty()) {
            return new Rejected(
                    Failure.NO_SUPPORTED_SIGNATURE,
                    StandardWebhooks.SIGNATURE_HEADER + " holds no " + StandardWebhooks.SIGNATURE_VERSION + " entry");
        }
        String id = webhookId.strip();
        if (matchesAnyKey(id, timestampText, body, candidates, now)) {
            return new Verified(id, timestamp);
        }
        return new Rejected(
                Failure.SIGNATURE_MISMATCH,
                "no " + StandardWebhooks.SIGNATURE_VERSION + " entry of " + StandardWebhooks.SIGNATURE_HEADER
                        + " matches the id, timestamp and body under the configured secrets");
    }

    /** {@link #verify(String, String, String, byte[])} for a body received as text, encoded as UTF-8. */
    public WebhookVerification verify(String webhookId, String webhookTimestamp, String webhookSignature, String body) {
        return verify(webhookId, webhookTimestamp, webhookSignature, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Verifies a message given all request headers, as a multi-valued map (JDK {@code HttpServer} headers,
     * {@code java.net.http.HttpHeaders.map()}, Spring's {@code HttpHeaders}, ...). Header names match without regard
     * to case; several {@code webhook-signature} lines are read as one space-separated list.
     */
    public WebhookVerification verify(Map<String, ? extends Collection<String>> headers, byte[] body) {
        return verify(
                first(headers, StandardWebhooks.ID_HEADER),
                first(headers, StandardWebhooks.TIMESTAMP_HEADER),
                joined(headers, StandardWebhooks.SIGNATURE_HEADER),
                body);
    }

    private boolean matchesAnyKey(String id, String timestamp, byte[] body, List<byte[]> candidates, Instant now) {
        boolean matched = false;
        for (Key key : keys) {
            if (key.notAfter() != null && !now.isBefore(key.notAfter())) {
                continue;
            }
            byte[] expected = key.secret().sign(id, timestamp, body);
            for (byte[] candidate : candidates) {
                // Constant time per comparison; no early exit, so timing does not reveal which entry matched.
                matched |= MessageDigest.isEqual(expected, candidate);
            }
        }
        return matched;
    }

    private static List<byte[]> v1Signatures(String header) {
        List<byte[]> signatures = new ArrayList<>();
        String prefix = StandardWebhooks.SIGNATURE_VERSION + ",";
        for (String entry : header.strip().split("\\s+")) {
            if (entry.startsWith(prefix)) {
                try {
                    signatures.add(Base64.getDecoder().decode(entry.substring(prefix.length())));
                } catch (IllegalArgumentException notBase64) {
                    // A malformed entry cannot match; the others may.
                }
            }
        }
        return signatures;
    }

    private static Rejected missing(String header) {
        return new Rejected(Failure.MISSING_HEADER, "missing header " + header);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty() || text.length() > MAX_TIMESTAMP_DIGITS) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String first(Map<String, ? extends Collection<String>> headers, String name) {
        for (var entry : headers.entrySet()) {
            if (name.equalsIgnoreCase(entry.getKey()) && entry.getValue() != null) {
                for (String value : entry.getValue()) {
                    return value;
                }
            }
        }
        return null;
    }

    private static String joined(Map<String, ? extends Collection<String>> headers, String name) {
        List<String> values = new ArrayList<>();
        for (var entry : headers.entrySet()) {
            if (name.equalsIgnoreCase(entry.getKey()) && entry.getValue() != null) {
                values.addAll(entry.getValue());
            }
        }
        return values.isEmpty() ? null : String.join(" ", values);
    }

    private record Key(WebhookSecret secret, Instant notAfter) {}

    /** Collects the secrets, the tolerance and the clock. */
    public static final class Builder {
        private final List<Key> keys = new ArrayList<>();
        private Duration tolerance = DEFAULT_TOLERANCE;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** A secret to accept; call again for each secret accepted during a rotation. */
        public Builder secret(WebhookSecret secret) {
            keys.add(new Key(Objects.requireNonNull(secret, "secret"), null));
            return this;
        }

        /** A secret accepted only until {@code notAfter} (by the verifier's clock): the old one during a rotation. */
        public Builder secret(WebhookSecret secret, Instant notAfter) {
            keys.add(new Key(Objects.requireNonNull(secret, "secret"), Objects.requireNonNull(notAfter, "notAfter")));
            return this;
        }

        /** How far {@code webhook-timestamp} may be from the clock, in either direction. */
        public Builder tolerance(Duration tolerance) {
            if (tolerance == null || tolerance.isNegative()) {
                throw new IllegalArgumentException("tolerance must be zero or positive");
            }
            this.tolerance = tolerance;
            return this;
        }

        /** The clock that decides what "now" is; the system UTC clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public WebhookVerifier build() {
            if (keys.isEmpty()) {
                throw new IllegalStateException("a webhook verifier needs at least one secret");
            }
            return new WebhookVerifier(keys, tolerance, clock);
        }
    }
}
