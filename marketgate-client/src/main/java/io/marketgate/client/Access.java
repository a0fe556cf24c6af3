package io.marketgate.client;

import java.util.List;
import java.util.Map;

/**
 * Whether a customer may use the product now, as {@code GET /v1/customers/{id}/access} answers.
 *
 * @param allowed true when the customer may use the product now
 * @param reason why access is allowed or denied, as Marketgate states it (may be null)
 * @param state the subscription state (may be null)
 * @param entitlements the current contract entitlements, each a JSON object as Marketgate sends it (strings, numbers
 *     as {@code Long} or {@code BigDecimal}, booleans, nested maps and lists); empty for subscriptions
 */
public record Access(boolean allowed, String reason, String state, List<Map<String, Object>> entitlements) {

    public Access {
        entitlements = entitlements == null ? List.of() : List.copyOf(entitlements);
    }
}
