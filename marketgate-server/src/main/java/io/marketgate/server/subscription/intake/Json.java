package io.marketgate.server.subscription.intake;

import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Lenient JSON reading for notification bodies: AWS's own example message has a trailing comma. */
final class Json {

    private static final JsonMapper LENIENT =
            JsonMapper.builder().enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    /** Reasons quote values from untrusted messages; a bound keeps a quarantine row readable. */
    private static final int QUOTE_LIMIT = 120;

    private Json() {}

    /** The JSON object in {@code text}; anything else is malformed. */
    static JsonNode object(String text, String what) {
        JsonNode node;
        try {
            node = LENIENT.readTree(text);
        } catch (JacksonException e) {
            throw new MalformedNotification(what + " is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedNotification(what + " is not a JSON object");
        }
        return node;
    }

    /** The string value of {@code field}, or null when absent, null or not a string. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    /** Like {@link #text}, but absent, blank or non-string is malformed. */
    static String requiredText(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new MalformedNotification("missing or non-string field " + field);
        }
        return value;
    }

    /** The object under {@code field}, or null. */
    static JsonNode child(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isObject() ? value : null;
    }

    /** {@code value} in quotes, shortened, for a reason text. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        String shown = value.length() > QUOTE_LIMIT ? value.substring(0, QUOTE_LIMIT) + "…" : value;
        return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
