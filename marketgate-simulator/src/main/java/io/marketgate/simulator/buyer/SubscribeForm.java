package io.marketgate.simulator.buyer;

import io.marketgate.simulator.control.InvalidField;
import io.marketgate.simulator.state.Dimension;
import io.marketgate.simulator.state.EntitlementGrant;
import io.marketgate.simulator.state.Product;
import io.marketgate.simulator.state.SubscribeOptions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The posted subscribe form, validated.
 *
 * @param buyerAccountId the chosen account, or null to open a new one named {@code newBuyerName}
 */
record SubscribeForm(String productCode, String buyerAccountId, String newBuyerName, SubscribeOptions options) {

    static final String QUANTITY_PREFIX = "quantity.";
    private static final Pattern ACCOUNT_ID = Pattern.compile("^[0-9]{12}$");
    private static final int MAX_CONTRACT_MONTHS = 60;

    static SubscribeForm parse(Map<String, String> form, Product product, Instant now) {
        String buyer = blankToNull(form.get("buyerAccountId"));
        if (SubscribeFormView.NEW_BUYER.equals(buyer)) {
            buyer = null;
        } else if (buyer != null && !ACCOUNT_ID.matcher(buyer).matches()) {
            throw new InvalidField("buyerAccountId", "the buyer account must be a 12-digit AWS account id");
        }
        String reseller = blankToNull(form.get("resellerAccountId"));
        if (reseller != null && !ACCOUNT_ID.matcher(reseller.strip()).matches()) {
            throw new InvalidField("resellerAccountId", "the reseller account must be a 12-digit AWS account id");
        }
        String offerType = "free-trial".equals(form.get("offerType")) ? "free-trial" : null;
        List<EntitlementGrant> terms =
                product.pricingModel().hasEntitlements() ? contractTerms(form, product, now) : List.of();
        boolean holdPayment = "true".equals(form.get("holdPayment"));
        SubscribeOptions options =
                new SubscribeOptions(offerType, null, reseller == null ? null : reseller.strip(), terms, !holdPayment);
        return new SubscribeForm(product.code(), buyer, blankToNull(form.get("newBuyerName")), options);
    }

    /** One Integer entitlement per non-metered dimension with a positive quantity, all ending together. */
    private static List<EntitlementGrant> contractTerms(Map<String, String> form, Product product, Instant now) {
        Instant expiration =
                now.atOffset(ZoneOffset.UTC).plusMonths(contractMonths(form)).toInstant();
        List<EntitlementGrant> grants = new ArrayList<>();
        for (Dimension dimension : product.dimensions()) {
            if (dimension.metered()) {
                continue;
            }
            int quantity = wholeNumber(
                    form.get(QUANTITY_PREFIX + dimension.key()), QUANTITY_PREFIX + dimension.key(), Integer.MAX_VALUE);
            if (quantity > 0) {
                grants.add(new EntitlementGrant(dimension.key(), quantity, expiration));
            }
        }
        if (grants.isEmpty()) {
            throw new InvalidField(QUANTITY_PREFIX, "a contract needs a quantity above 0 for at least one dimension");
        }
        return grants;
    }

    private static int contractMonths(Map<String, String> form) {
        int months = wholeNumber(form.getOrDefault("contractMonths", "12"), "contractMonths", MAX_CONTRACT_MONTHS);
        if (months < 1) {
            throw new InvalidField("contractMonths", "the contract must last at least one month");
        }
        return months;
    }

    private static int wholeNumber(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 0 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidField(field, field + " must be a whole number from 0 to " + max);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
