package io.marketgate.server.product.config;

import io.marketgate.server.product.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the validated {@link Catalog}; with no product configured, the demo catalogue. */
@Configuration(proxyBeanMethods = false)
class ProductConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ProductConfiguration.class);

    @Bean
    Catalog catalog(CatalogProperties properties) {
        if (properties.products().isEmpty()) {
            LOG.info("No product configured (marketgate.products): serving the demo product 'demo' "
                    + "against the embedded AWS Marketplace simulator");
            return Catalog.demo();
        }
        Catalog catalog = CatalogFactory.create(properties);
        catalog.products()
                .forEach(p -> LOG.info(
                        "Product '{}' ({}): {} identity, {} pricing, metering in {}, seller {}",
                        p.id(),
                        p.productCode(),
                        p.identityMode(),
                        p.pricingModel(),
                        p.meteringRegion(),
                        p.seller().id()));
        return catalog;
    }
}
