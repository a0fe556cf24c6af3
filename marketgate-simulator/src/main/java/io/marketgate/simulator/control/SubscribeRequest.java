package io.marketgate.simulator.control;

import static io.marketgate.simulator.control.JsonFields.optionalAccountId;
import static io.marketgate.simulator.control.JsonFields.optionalText;
import static io.marketgate.simulator.control.JsonFields.requireAccountId;
import static io.marketgate.simulator.control.JsonFields.requiredText;

import io.marketgate.simulator.state.Product;
import io.marketgate.simulator.state.SimState;
import io.marketgate.simulator.state.SubscribeOptions;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /_sim/agreements}: a buyer subscribes to a product.
 *
 * @param options offer, reseller, contract terms and whether payment succeeds at once
 */
record SubscribeRequest(String productCode, String buyerAccountId, SubscribeOptions options) {

    static final String FREE_TRIAL = "free-trial";

    static SubscribeRequest parse(JsonNode body, SimState state) {
        String productCode = requiredText(body, "productCode", "productCode");
        Product product = ProductEndpoints.require(state, productCode, "productCode");
        String buyer = requireAccountId(requiredText(body, "buyerAccountId", "buyerAccountId"), "buyerAccountId");
        Boolean autoSucceed = JsonFields.optionalBoolean(body, "autoSucceed");
        SubscribeOptions options = new SubscribeOptions(
                offerType(optionalText(body, "offerType", "offerType")),
                optionalText(body, "offerId", "offerId"),
                optionalAccountId(body, "resellerAccountId", "resellerAccountId"),
                EntitlementRequest.parse(body.get("entitlements"), product, "entitlements"),
                autoSucceed == null || autoSucceed);
        return new SubscribeRequest(productCode, buyer, options);
    }

    /** AWS marks only trials ({@code free-trial}); a standard offer has no offer type. */
    static String offerType(String value) {
        if (value == null || value.isBlank() || "standard".equals(value)) {
            return null;
        }
        if (FREE_TRIAL.equals(value)) {
            return FREE_TRIAL;
        }
        throw new InvalidField("offerType", "offerType must be standard or free-trial");
    }
}
