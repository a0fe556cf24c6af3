package io.marketgate.simulator.sqs;

import io.marketgate.simulator.sns.SnsSignatureVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The control API's JSON form of {@link NotificationSettings}. A PUT body changes only the fields it
 * names: {@code duplicates} (0..1, "always" or "never"), {@code reorderWindow}, {@code delayMs},
 * {@code sns}, {@code eventBridge}, {@code snsSignatureVersion} ("1"/"2"), {@code licenseArnPrefix},
 * {@code deprovisionDelayMs}.
 */
final class NotificationSettingsJson {

    private static final Set<String> FIELDS = Set.of(
            "duplicates",
            "reorderWindow",
            "delayMs",
            "sns",
            "eventBridge",
            "snsSignatureVersion",
            "licenseArnPrefix",
            "deprovisionDelayMs");

    private NotificationSettingsJson() {}

    static Map<String, Object> toJson(NotificationSettings settings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("duplicates", settings.duplicateProbability());
        json.put("reorderWindow", settings.reorderWindow());
        json.put("delayMs", settings.delayMs());
        json.put("sns", settings.snsEnabled());
        json.put("eventBridge", settings.eventBridgeEnabled());
        json.put("snsSignatureVersion", settings.snsSignatureVersion().wireValue());
        json.put("licenseArnPrefix", settings.licenseArnWithPrefix());
        json.put("deprovisionDelayMs", settings.deprovisionDelayMs());
        return json;
    }

    /** The settings with the body's fields applied; IllegalArgumentException names a bad field. */
    static NotificationSettings apply(NotificationSettings current, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("body must be a JSON object with any of " + FIELDS);
        }
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field " + name + "; expected any of " + FIELDS);
            }
        }
        NotificationSettings s = current;
        if (body.has("duplicates")) s = s.withDuplicateProbability(duplicates(body.get("duplicates")));
        if (body.has("reorderWindow")) s = s.withReorderWindow(integer(body, "reorderWindow"));
        if (body.has("delayMs")) s = s.withDelayMs(integer(body, "delayMs"));
        if (body.has("sns")) s = s.withChannels(bool(body, "sns"), s.eventBridgeEnabled());
        if (body.has("eventBridge")) s = s.withChannels(s.snsEnabled(), bool(body, "eventBridge"));
        if (body.has("snsSignatureVersion")) {
            s = s.withSnsSignatureVersion(
                    SnsSignatureVersion.parse(body.get("snsSignatureVersion").asString()));
        }
        if (body.has("licenseArnPrefix")) s = s.withLicenseArnPrefix(bool(body, "licenseArnPrefix"));
        if (body.has("deprovisionDelayMs")) s = s.withDeprovisionDelayMs(integer(body, "deprovisionDelayMs"));
        return s;
    }

    private static double duplicates(JsonNode node) {
        if (node.isString() && node.stringValue().equals("always")) {
            return 1;
        }
        if (node.isString() && node.stringValue().equals("never")) {
            return 0;
        }
        if (!node.isNumber()) {
            throw new IllegalArgumentException("duplicates must be a probability from 0 to 1, \"always\" or \"never\"");
        }
        return node.doubleValue();
    }

    private static int integer(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new IllegalArgumentException(field + " must be an integer; got " + node);
        }
        return node.intValue();
    }

    private static boolean bool(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (!node.isBoolean()) {
            throw new IllegalArgumentException(field + " must be true or false; got " + node);
        }
        return node.booleanValue();
    }
}
