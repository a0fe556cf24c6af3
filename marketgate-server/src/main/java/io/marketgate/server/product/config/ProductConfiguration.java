package io.marketgate.server.product.config;

import io.marketgate.server.product.Catalog;
import io.marketgate.server.shared.InvalidConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Builds the validated {@link Catalog}; with no product configured, the demo catalogue. */
@Configuration(proxyBeanMethods = false)
class ProductConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ProductConfiguration.class);

    /**
     * The demo only ever runs on the embedded defaults: with a production database configured, an empty
     * product list is a deployment mistake (a missing file or a misspelt variable), not a wish for the demo,
     * and silently metering into the simulator would lose real usage.
     */
    @Bean
    Catalog catalog(CatalogProperties properties, Environment environment) {
        if (properties.products().isEmpty()) {
            String datasource = environment.getProperty("spring.datasource.url");
            if (datasource != null && !datasource.isBlank()) {
                throw new InvalidConfigurationException(
                        "marketgate.products",
                        "no product is configured, but spring.datasource.url points at a database of a real"
                                + " deployment",
                        "configure marketgate.products.<id> (see docs/configuration.md); the demo runs only on the"
                                + " embedded SQLite defaults");
            }
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
