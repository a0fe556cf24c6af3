package io.marketgate.simulator.control;

import static io.marketgate.simulator.control.JsonFields.optionalAccountId;
import static io.marketgate.simulator.control.JsonFields.optionalText;
import static io.marketgate.simulator.control.JsonFields.requiredText;

import io.marketgate.simulator.state.Dimension;
import io.marketgate.simulator.state.IdentityMode;
import io.marketgate.simulator.state.PricingModel;
import io.marketgate.simulator.state.Product;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reads and validates the body of {@code POST /_sim/products} into a {@link Product}. */
final class ProductRequest {

    /** ProductCode's pattern in the Metering API model. */
    private static final Pattern PRODUCT_CODE = Pattern.compile("^[-a-zA-Z0-9/=:_.@]{1,255}$");

    private ProductRequest() {}

    /** @param generatedSellerAccount supplies a seller account id when the body names none */
    static Product parse(JsonNode body, Supplier<String> generatedSellerAccount) {
        String code = requiredText(body, "code", "code");
        if (!PRODUCT_CODE.matcher(code).matches()) {
            throw new InvalidField("code", "code must be 1-255 characters of letters, digits and -/=:_.@");
        }
        String title = optionalText(body, "title", "title");
        String seller = optionalAccountId(body, "sellerAccountId", "sellerAccountId");
        IdentityMode identityMode = identityMode(optionalText(body, "identityMode", "identityMode"));
        PricingModel pricingModel = pricingModel(optionalText(body, "pricingModel", "pricingModel"));
        List<Dimension> dimensions = dimensions(body.get("dimensions"), pricingModel);
        return new Product(
                code,
                title == null || title.isBlank() ? code : title,
                seller != null ? seller : generatedSellerAccount.get(),
                identityMode,
                pricingModel,
                dimensions,
                fulfillmentUrl(optionalText(body, "fulfillmentUrl", "fulfillmentUrl")),
                optionalText(body, "notificationQueue", "notificationQueue"),
                optionalText(body, "eventQueue", "eventQueue"));
    }

    /** New listings must use Concurrent Agreements, so {@code license} is the default. */
    private static IdentityMode identityMode(String value) {
        if (value == null) {
            return IdentityMode.LICENSE;
        }
        try {
            return IdentityMode.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("identityMode", "identityMode must be one of legacy, account, license");
        }
    }

    private static PricingModel pricingModel(String value) {
        if (value == null) {
            return PricingModel.SUBSCRIPTION;
        }
        try {
            return PricingModel.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidField(
                    "pricingModel", "pricingModel must be one of subscription, contract, contract-with-consumption");
        }
    }

    private static List<Dimension> dimensions(JsonNode array, PricingModel model) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw new InvalidField("dimensions", "dimensions must be a non-empty array of {key, description, metered}");
        }
        List<Dimension> dimensions = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            Dimension dimension = dimension(array.get(i), "dimensions[" + i + "]", model);
            if (!keys.add(dimension.key())) {
                throw new InvalidField(
                        "dimensions[" + i + "].key", "dimension key " + dimension.key() + " is repeated");
            }
            dimensions.add(dimension);
        }
        return dimensions;
    }

    private static Dimension dimension(JsonNode node, String path, PricingModel model) {
        if (node == null || !node.isObject()) {
            throw new InvalidField(path, path + " must be an object {key, description, metered}");
        }
        String key = requiredText(node, "key", path + ".key");
        if (key.length() > 255) {
            throw new InvalidField(path + ".key", path + ".key must be at most 255 characters");
        }
        String description = optionalText(node, "description", path + ".description");
        JsonNode meteredNode = node.get("metered");
        if (meteredNode != null && !meteredNode.isNull() && !meteredNode.isBoolean()) {
            throw new InvalidField(path + ".metered", path + ".metered must be true or false");
        }
        // Subscriptions only meter; contracts only entitle; consumption contracts say per dimension.
        boolean metered = meteredNode == null || meteredNode.isNull()
                ? model == PricingModel.SUBSCRIPTION
                : meteredNode.booleanValue();
        if (metered && !model.isMetered()) {
            throw new InvalidField(path + ".metered", "a contract product has no metered dimensions");
        }
        if (!metered && !model.hasEntitlements()) {
            throw new InvalidField(path + ".metered", "every dimension of a subscription product is metered");
        }
        return new Dimension(key, description == null ? key : description, metered);
    }

    private static String fulfillmentUrl(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (uri.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return value;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidField("fulfillmentUrl", "fulfillmentUrl must be an absolute http or https URL");
    }
}
