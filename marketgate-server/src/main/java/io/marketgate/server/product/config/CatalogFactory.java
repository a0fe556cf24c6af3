package io.marketgate.server.product.config;

import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.Dimension;
import io.marketgate.server.product.DimensionType;
import io.marketgate.server.product.PricingModel;
import io.marketgate.server.product.Product;
import io.marketgate.server.product.Seller;
import io.marketgate.server.product.config.CatalogProperties.DimensionProperties;
import io.marketgate.server.product.config.CatalogProperties.ProductProperties;
import io.marketgate.server.product.config.CatalogProperties.SellerProperties;
import io.marketgate.server.shared.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns {@link CatalogProperties} into a {@link Catalog}, rejecting anything AWS would reject later (bad
 * product codes, account ids, role ARNs, regions) with the property to fix, so mistakes surface at startup.
 */
public final class CatalogFactory {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    static final Pattern PRODUCT_CODE = Pattern.compile("[-a-zA-Z0-9/=:_.@]{1,255}");
    static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/[\\w+=,.@/-]{1,512}");
    static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    static final Pattern QUEUE_URL = Pattern.compile("https?://[^/\\s]+/[^/\\s]+/[^/\\s]+");

    private CatalogFactory() {}

    public static Catalog create(CatalogProperties properties) {
        List<Seller> sellers = new ArrayList<>();
        properties.sellers().forEach((id, seller) -> sellers.add(seller(id, seller)));
        List<Product> products = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        properties.products().forEach((id, product) -> {
            Product built = product(id, product, sellers);
            if (!codes.add(built.productCode())) {
                throw invalid(
                        productKey(id, "product-code"),
                        "product code " + built.productCode() + " is configured twice",
                        "give each product its own product code");
            }
            products.add(built);
        });
        return new Catalog(sellers, products);
    }

    private static Seller seller(String id, SellerProperties seller) {
        String key = "marketgate.sellers." + id;
        require(
                ID.matcher(id).matches(),
                key,
                "seller id '" + id + "' is not a short lower-case name",
                "use letters, digits and dashes, e.g. marketgate.sellers.acme");
        require(
                seller.accountId() != null
                        && ACCOUNT_ID.matcher(seller.accountId()).matches(),
                key + ".account-id",
                "must be the 12-digit AWS account id that published the listing, got " + quote(seller.accountId()),
                "set it to the seller account id, quoted in YAML (e.g. \"111122223333\")");
        if (seller.roleArn() != null) {
            var matcher = ROLE_ARN.matcher(seller.roleArn());
            require(
                    matcher.matches(),
                    key + ".role-arn",
                    "is not an IAM role ARN: " + quote(seller.roleArn()),
                    "use arn:aws:iam::<account-id>:role/<name>, or remove it to use the default credentials");
            require(
                    matcher.group(1).equals(seller.accountId()),
                    key + ".role-arn",
                    "is in account " + matcher.group(1) + " but the seller account is " + seller.accountId(),
                    "only the publishing account can resolve customers and meter: use a role in that account");
        }
        if (seller.externalId() != null) {
            require(
                    seller.roleArn() != null,
                    key + ".external-id",
                    "is set without a role-arn",
                    "set role-arn too, or remove external-id");
            require(
                    EXTERNAL_ID.matcher(seller.externalId()).matches(),
                    key + ".external-id",
                    "must be 2-1224 characters of letters, digits and +=,.@:/-_",
                    "fix the ExternalId");
        }
        require(
                REGION.matcher(seller.region()).matches(),
                key + ".region",
                "is not an AWS region: " + quote(seller.region()),
                "use a region name such as us-east-1");
        return new Seller(id, seller.accountId(), seller.roleArn(), seller.externalId(), seller.region());
    }

    private static Product product(String id, ProductProperties product, List<Seller> sellers) {
        require(
                ID.matcher(id).matches(),
                "marketgate.products." + id,
                "product id '" + id + "' is not URL-safe",
                "use lower-case letters, digits and dashes, e.g. marketgate.products.analytics");
        require(
                product.productCode() != null
                        && PRODUCT_CODE.matcher(product.productCode()).matches(),
                productKey(id, "product-code"),
                "is missing or not an AWS product code: " + quote(product.productCode()),
                "set it to the product code shown in the AWS Marketplace Management Portal");
        require(
                product.identityMode() != null,
                productKey(id, "identity-mode"),
                "is missing",
                "set it to legacy, account or license (license for products listed since 2026-06-01)");
        require(
                product.pricingModel() != null,
                productKey(id, "pricing-model"),
                "is missing",
                "set it to subscription, contract or contract-with-consumption");
        require(
                REGION.matcher(product.meteringRegion()).matches(),
                productKey(id, "metering-region"),
                "is not an AWS region: " + quote(product.meteringRegion()),
                "use a region name such as us-east-1");
        List<Dimension> dimensions = dimensions(id, product.dimensions(), product.pricingModel());
        String queueUrl = product.sqs().queueUrl();
        require(
                queueUrl == null || QUEUE_URL.matcher(queueUrl).matches(),
                productKey(id, "sqs.queue-url"),
                "is not an SQS queue URL: " + quote(queueUrl),
                "use the queue's URL, e.g. https://sqs.us-east-1.amazonaws.com/111122223333/marketgate");
        return new Product(
                id,
                product.productCode(),
                sellerOf(id, product.seller(), sellers),
                product.identityMode(),
                product.pricingModel(),
                product.meteringRegion(),
                dimensions,
                product.fulfillment().onboarding(),
                product.sqs().queueUrl());
    }

    private static Seller sellerOf(String productId, String sellerId, List<Seller> sellers) {
        String key = productKey(productId, "seller");
        if (sellerId == null) {
            require(
                    sellers.size() == 1,
                    key,
                    sellers.isEmpty() ? "no seller is configured" : "is required when several sellers are configured",
                    sellers.isEmpty() ? "add marketgate.sellers.<id>.account-id" : "name one of the sellers");
            return sellers.getFirst();
        }
        return sellers.stream()
                .filter(s -> s.id().equals(sellerId))
                .findFirst()
                .orElseThrow(() -> invalid(
                        key,
                        "names unknown seller '" + sellerId + "'",
                        "configure marketgate.sellers." + sellerId + " or use one of "
                                + sellers.stream().map(Seller::id).toList()));
    }

    private static List<Dimension> dimensions(String id, List<DimensionProperties> list, PricingModel model) {
        String key = productKey(id, "dimensions");
        require(
                !list.isEmpty(),
                key,
                "no dimensions are configured",
                "list the listing's dimensions (key, unit, type)");
        Set<String> keys = new HashSet<>();
        List<Dimension> dimensions = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            DimensionProperties d = list.get(i);
            String at = key + "[" + i + "]";
            require(
                    d.key() != null && !d.key().isBlank() && d.key().length() <= 255,
                    at + ".key",
                    "is missing or longer than 255 characters",
                    "use the dimension's API name from the listing");
            require(
                    keys.add(d.key()),
                    at + ".key",
                    "dimension " + d.key() + " is listed twice",
                    "remove the duplicate");
            require(
                    model != PricingModel.SUBSCRIPTION || d.type() == DimensionType.METERED,
                    at + ".type",
                    "is entitlement, but subscription products have only metered dimensions",
                    "use type: metered, or pricing-model: contract");
            dimensions.add(new Dimension(d.key(), d.unit(), d.type()));
        }
        boolean anyMetered = dimensions.stream().anyMatch(d -> d.type() == DimensionType.METERED);
        require(
                !model.metered() || anyMetered,
                key,
                "has no metered dimension but the pricing model is metered",
                "add a dimension with type: metered");
        require(
                model.metered() || !anyMetered,
                key,
                "has a metered dimension but contracts are not metered",
                "use type: entitlement, or pricing-model: contract-with-consumption");
        return dimensions;
    }

    private static String productKey(String id, String field) {
        return "marketgate.products." + id + "." + field;
    }

    private static String quote(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }

    private static void require(boolean ok, String property, String problem, String fix) {
        if (!ok) {
            throw invalid(property, problem, fix);
        }
    }

    private static InvalidConfigurationException invalid(String property, String problem, String fix) {
        return new InvalidConfigurationException(property, problem, fix);
    }
}
