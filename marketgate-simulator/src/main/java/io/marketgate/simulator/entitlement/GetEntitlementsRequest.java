package io.marketgate.simulator.entitlement;

import static io.marketgate.simulator.entitlement.EntitlementApiError.invalidParameter;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A validated GetEntitlements request, decoded from either protocol into the same tree.
 *
 * @param filters each key's accepted values; a row matches when, for every key, its value is one of them
 * @param nextToken the opaque token of the previous page, or null for the first page
 */
public record GetEntitlementsRequest(
        String productCode, Map<EntitlementFilter, Set<String>> filters, int maxResults, String nextToken) {

    /** AWS's page size bounds (PageSizeInteger 1..25); 25 is also the default. */
    public static final int MAX_RESULTS_LIMIT = 25;

    public GetEntitlementsRequest {
        filters = Map.copyOf(filters);
    }

    /** Validates the request body; throws {@link EntitlementApiError} naming the offending field. */
    public static GetEntitlementsRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalidParameter("The request body must be a GetEntitlementsRequest object");
        }
        return new GetEntitlementsRequest(
                productCode(body.get("ProductCode")),
                filters(body.get("Filter")),
                maxResults(body.get("MaxResults")),
                nextToken(body.get("NextToken")));
    }

    public boolean matches(EntitlementRow row) {
        return filters.entrySet().stream().allMatch(f -> {
            String value = f.getKey().valueOf(row);
            return value != null && f.getValue().contains(value);
        });
    }

    private static String productCode(JsonNode node) {
        if (node == null || node.isNull()) {
            throw invalidParameter("ProductCode is required");
        }
        if (!node.isString()
                || node.stringValue().isEmpty()
                || node.stringValue().length() > 255) {
            throw invalidParameter("ProductCode must be a string of 1 to 255 characters");
        }
        return node.stringValue();
    }

    private static int maxResults(JsonNode node) {
        if (node == null || node.isNull()) {
            return MAX_RESULTS_LIMIT;
        }
        if (!node.isIntegralNumber()
                || !node.canConvertToInt()
                || node.intValue() < 1
                || node.intValue() > MAX_RESULTS_LIMIT) {
            throw invalidParameter("MaxResults must be an integer from 1 to " + MAX_RESULTS_LIMIT + "; got " + node);
        }
        return node.intValue();
    }

    private static String nextToken(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString() || node.stringValue().isBlank()) {
            throw invalidParameter("NextToken must be a non-empty string");
        }
        return node.stringValue();
    }

    private static Map<EntitlementFilter, Set<String>> filters(JsonNode node) {
        Map<EntitlementFilter, Set<String>> filters = new EnumMap<>(EntitlementFilter.class);
        if (node == null || node.isNull()) {
            return filters;
        }
        if (!node.isObject()) {
            throw invalidParameter("Filter must be a map from filter name to a list of values");
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            EntitlementFilter key = EntitlementFilter.parse(entry.getKey())
                    .orElseThrow(() -> invalidParameter(
                            "Filter key " + entry.getKey() + " is not one of CUSTOMER_IDENTIFIER, DIMENSION, "
                                    + "CUSTOMER_AWS_ACCOUNT_ID, LICENSE_ARN"));
            filters.put(key, filterValues(key, entry.getValue()));
        }
        if (filters.containsKey(EntitlementFilter.CUSTOMER_IDENTIFIER)
                && filters.containsKey(EntitlementFilter.CUSTOMER_AWS_ACCOUNT_ID)) {
            throw invalidParameter(
                    "Filter keys CUSTOMER_IDENTIFIER and CUSTOMER_AWS_ACCOUNT_ID are mutually exclusive");
        }
        boolean customerFilter = filters.containsKey(EntitlementFilter.CUSTOMER_IDENTIFIER)
                || filters.containsKey(EntitlementFilter.CUSTOMER_AWS_ACCOUNT_ID)
                || filters.containsKey(EntitlementFilter.LICENSE_ARN);
        if (filters.containsKey(EntitlementFilter.DIMENSION) && !customerFilter) {
            // AWS's wording (G21); a license filter names one customer too, so it qualifies as well.
            throw invalidParameter("Invalid filter combination provided. Please provide the CUSTOMER_IDENTIFIER"
                    + " along with DIMENSION.");
        }
        return filters;
    }

    private static Set<String> filterValues(EntitlementFilter key, JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw invalidParameter("Filter." + key + " must be a list of at least one value");
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode value : node.values()) {
            if (!value.isString()) {
                throw invalidParameter("Filter." + key + " values must be strings; got " + value);
            }
            values.add(value.stringValue());
        }
        return values;
    }
}
