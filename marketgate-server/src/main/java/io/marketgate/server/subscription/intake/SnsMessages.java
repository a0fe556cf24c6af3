package io.marketgate.server.subscription.intake;

import io.marketgate.server.subscription.Notification.SnsAction;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The {@code Message} of a Marketplace SNS notification (a JSON document inside a string). Lenient where
 * AWS's own documentation is: a trailing comma, spaces around the customer identifier, and the old
 * {@code CustomerIdentifier}/{@code ProductCode} spellings.
 */
final class SnsMessages {

    /**
     * @param freeTrial {@code isFreeTrialTermPresent}, a string on the wire ("true"/"false"); null when absent
     */
    record SnsMessage(
            SnsAction action, String customerIdentifier, String productCode, String offerId, Boolean freeTrial) {}

    private SnsMessages() {}

    static SnsMessage parse(String message) {
        JsonNode json = Json.object(message, "the SNS Message");
        String action = Json.requiredText(json, "action").strip();
        return new SnsMessage(
                action(action),
                firstOf(json, "customer-identifier", "CustomerIdentifier"),
                firstOf(json, "product-code", "ProductCode"),
                blankToNull(Json.text(json, "offer-identifier")),
                freeTrial(json.get("isFreeTrialTermPresent")));
    }

    private static SnsAction action(String action) {
        return switch (action.toLowerCase(Locale.ROOT)) {
            case "subscribe-success" -> SnsAction.SUBSCRIBE_SUCCESS;
            case "subscribe-fail" -> SnsAction.SUBSCRIBE_FAIL;
            case "unsubscribe-pending" -> SnsAction.UNSUBSCRIBE_PENDING;
            case "unsubscribe-success" -> SnsAction.UNSUBSCRIBE_SUCCESS;
            case "entitlement-updated" -> SnsAction.ENTITLEMENT_UPDATED;
            default -> throw new MalformedNotification("unknown SNS action " + Json.quote(action));
        };
    }

    /** The trimmed value of the first field present; both spellings missing is malformed. */
    private static String firstOf(JsonNode json, String field, String oldSpelling) {
        String value = blankToNull(Json.text(json, field));
        if (value == null) {
            value = blankToNull(Json.text(json, oldSpelling));
        }
        if (value == null) {
            throw new MalformedNotification("the SNS Message has no " + field);
        }
        return value;
    }

    /** AWS sends the string "true" or "false"; a JSON boolean is accepted too, anything else is malformed. */
    private static Boolean freeTrial(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isString()) {
            String text = value.stringValue().strip().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return Boolean.valueOf(text);
            }
        }
        throw new MalformedNotification("isFreeTrialTermPresent is neither \"true\" nor \"false\"");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
