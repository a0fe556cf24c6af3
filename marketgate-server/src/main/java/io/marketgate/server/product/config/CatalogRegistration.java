package io.marketgate.server.product.config;

import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.Product;
import io.marketgate.server.product.ProductRecord;
import io.marketgate.server.product.ProductUpsert;
import io.marketgate.server.product.jdbc.JdbcProductCatalog;
import io.marketgate.server.shared.InvalidConfigurationException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Records the configured products in the database at startup, so usage and customers can reference them,
 * and refuses a configuration that moves a product's metering region after it was used (AWS dedupes per
 * region: moving would bill the same hours again) or gives its product code to another product id.
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
            case ProductUpsert.MeteringRegionLocked locked ->
                throw new InvalidConfigurationException(
                        key + ".metering-region",
                        locked.message(),
                        "keep metering-region " + locked.stored().meteringRegion() + " for this product");
            case ProductUpsert.ProductCodeTaken taken ->
                throw new InvalidConfigurationException(
                        key + ".product-code",
                        taken.message(),
                        "use the product id '" + taken.takenByProductId() + "' for this product code");
        }
    }
}
