package io.marketgate.server.product.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.server.shared.InvalidConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The demo is for the embedded defaults only; a real deployment with no product is a mistake to stop on. */
class ProductConfigurationTest {

    private static final CatalogProperties NO_PRODUCTS = new CatalogProperties(Map.of(), Map.of());

    @Test
    void noProductOnTheEmbeddedDefaultsServesTheDemo() {
        assertThat(new ProductConfiguration()
                        .catalog(NO_PRODUCTS, new MockEnvironment())
                        .isDemo())
                .isTrue();
    }

    @Test
    void noProductWithAProductionDatabaseStopsStartup() {
        MockEnvironment environment =
                new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/marketgate");

        assertThatThrownBy(() -> new ProductConfiguration().catalog(NO_PRODUCTS, environment))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.property())
                        .isEqualTo("marketgate.products"));
    }
}
