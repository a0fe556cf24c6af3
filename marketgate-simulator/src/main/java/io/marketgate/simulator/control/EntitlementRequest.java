package io.marketgate.simulator.control;

import static io.marketgate.simulator.control.JsonFields.optionalInstant;
import static io.marketgate.simulator.control.JsonFields.requiredText;

import io.marketgate.simulator.state.Dimension;
import io.marketgate.simulator.state.EntitlementGrant;
import io.marketgate.simulator.state.Product;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads contract terms {@code [{dimension, value, expiration}]}. Values keep the JSON type the way
 * GetEntitlements returns them: a number with a fraction is a Double, a whole number an Integer, then
 * boolean and string.
 */
final class EntitlementRequest {

    private EntitlementRequest() {}

    /** The grants in {@code array} (absent or null: none), checked against the product's dimensions. */
    static List<EntitlementGrant> parse(JsonNode array, Product product, String path) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new InvalidField(path, path + " must be an array of {dimension, value, expiration}");
        }
        if (!array.isEmpty() && !product.pricingModel().hasEntitlements()) {
            throw new InvalidField(
                    path,
                    "product " + product.code() + " is a "
                            + product.pricingModel().wireName() + " product and has no contract entitlements");
        }
        List<EntitlementGrant> grants = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            grants.add(grant(array.get(i), product, path + "[" + i + "]"));
        }
        return grants;
    }

    private static EntitlementGrant grant(JsonNode node, Product product, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidField(path, path + " must be an object {dimension, value, expiration}");
        }
        String key = requiredText(node, "dimension", path + ".dimension");
        Dimension dimension = product.dimension(key)
                .orElseThrow(() -> new InvalidField(
                        path + ".dimension", "product " + product.code() + " has no dimension " + key));
        if (dimension.metered()) {
            throw new InvalidField(
                    path + ".dimension",
                    "dimension " + key + " is metered; contract entitlements are for the non-metered dimensions");
        }
        return new EntitlementGrant(
                key,
                value(node.get("value"), path + ".value"),
                optionalInstant(node, "expiration", path + ".expiration"));
    }

    static Object value(JsonNode value, String path) {
        if (value == null || value.isNull()) {
            throw new InvalidField(path, path + " is required");
        }
        if (value.isIntegralNumber()) {
            if (!value.canConvertToInt()) {
                throw new InvalidField(path, path + " must fit a 32-bit integer");
            }
            return value.intValue();
        }
        if (value.isNumber()) {
            if (!Double.isFinite(value.doubleValue())) {
                throw new InvalidField(path, path + " must be a finite number");
            }
            return value.doubleValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isString()) {
            return value.stringValue();
        }
        throw new InvalidField(path, path + " must be a number, boolean or string");
    }
}
