package io.marketgate.server.product.config;

import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.LockedField;
import io.marketgate.server.product.Product;
import io.marketgate.server.product.ProductRecord;
import io.marketgate.server.product.ProductUpsert;
import io.marketgate.server.product.jdbc.JdbcProductCatalog;
import io.marketgate.server.shared.InvalidConfigurationException;
import java.util.stream.Collectors;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Records the configured products in the database at startup, so usage and customers can reference them,
 * and refuses a configuration that changes a {@link LockedField} of a product that has been metered (AWS
 * keys and dedupes the records already sent by them: changing one would bill hours twice or strand the
 * history) or gives its product code to another product id.
 * Each product is upserted on its own, outside a transaction (a conflict must not abort the others).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogRegistration implements ApplicationRunner {

    private final Catalog catalog;
    private final JdbcProductCatalog products;

    CatalogRegistration(Catalog catalog, JdbcProductCatalog products) {
        this.catalog = catalog;
        this.products = products;
    }

    @Override
    public void run(ApplicationArguments args) {
        catalog.products().forEach(this::register);
    }

    private void register(Product product) {
        ProductUpsert outcome = products.upsert(ProductRecord.definition(
                product.id(),
                product.productCode(),
                product.identityMode(),
                product.pricingModel(),
                product.seller().accountId(),
                product.meteringRegion()));
        String key = "marketgate.products." + product.id();
        switch (outcome) {
            case ProductUpsert.Saved saved -> {}
            case ProductUpsert.MeteringHistoryLocked locked -> throw meteringHistoryLocked(key, product, locked);
            case ProductUpsert.ProductCodeTaken taken ->
                throw new InvalidConfigurationException(
                        key + ".product-code",
                        taken.message(),
                        "use the product id '" + taken.takenByProductId() + "' for this product code");
        }
    }

    // Names the first changed field's property; the message and the fix cover every changed field.
    private static InvalidConfigurationException meteringHistoryLocked(
            String key, Product product, ProductUpsert.MeteringHistoryLocked locked) {
        String fix = locked.changedFields().stream()
                .map(field -> fix(product, locked.stored(), field))
                .collect(Collectors.joining("; "));
        return new InvalidConfigurationException(
                key + "." + property(locked.changedFields().getFirst()), locked.message(), fix);
    }

    private static String property(LockedField field) {
        return switch (field) {
            case METERING_REGION -> "metering-region";
            case IDENTITY_MODE -> "identity-mode";
            case SELLER_ACCOUNT_ID -> "seller";
            case PRODUCT_CODE -> "product-code";
        };
    }

    private static String fix(Product product, ProductRecord stored, LockedField field) {
        return switch (field) {
            case METERING_REGION -> "keep metering-region " + stored.meteringRegion() + " for this product";
            case IDENTITY_MODE -> "keep identity-mode " + stored.identityMode().value() + " for this product";
            case SELLER_ACCOUNT_ID ->
                "point seller at a seller whose account-id is " + stored.sellerAccountId() + " (seller '"
                        + product.seller().id() + "' has account-id "
                        + product.seller().accountId() + ")";
            case PRODUCT_CODE ->
                "keep product-code " + stored.productCode()
                        + " for this product; configure a new listing under a new product id";
        };
    }
}
