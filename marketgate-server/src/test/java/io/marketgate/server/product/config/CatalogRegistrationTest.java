package io.marketgate.server.product.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.server.product.DimensionType;
import io.marketgate.server.product.IdentityMode;
import io.marketgate.server.product.Onboarding;
import io.marketgate.server.product.PricingModel;
import io.marketgate.server.product.config.CatalogProperties.DimensionProperties;
import io.marketgate.server.product.config.CatalogProperties.FulfillmentProperties;
import io.marketgate.server.product.config.CatalogProperties.ProductProperties;
import io.marketgate.server.product.config.CatalogProperties.SellerProperties;
import io.marketgate.server.product.config.CatalogProperties.SqsProperties;
import io.marketgate.server.product.jdbc.JdbcProductCatalog;
import io.marketgate.server.shared.InvalidConfigurationException;
import io.marketgate.server.shared.jdbc.TestDatabase;
import io.marketgate.server.shared.jdbc.TimestampColumns;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Startup registration turns a refused upsert into a failure naming the property and the fix. */
class CatalogRegistrationTest {

    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private static final String KEY = "marketgate.products.analytics.";

    @TempDir
    Path folder;

    private TestDatabase database;
    private JdbcProductCatalog products;

    @BeforeEach
    void setUp() {
        database = TestDatabase.sqlite(folder);
        products = new JdbcProductCatalog(
                database.jdbcClient(), TimestampColumns.of(database.dataSource()), Clock.fixed(NOW, ZoneOffset.UTC));
        register("111122223333", "prod-abc123", IdentityMode.LICENSE, PricingModel.SUBSCRIPTION, "us-east-1");
        products.markMeteringRegionUsed("analytics", NOW);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void switchingAMeteredProductsIdentityModeNamesItAndSaysWhatToKeep() {
        assertThatThrownBy(() -> register(
                        "111122223333", "prod-abc123", IdentityMode.ACCOUNT, PricingModel.SUBSCRIPTION, "us-east-1"))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.property()).isEqualTo(KEY + "identity-mode");
                    assertThat(e.getMessage()).contains("license", "account", "billed twice");
                    assertThat(e.fix()).isEqualTo("keep identity-mode license for this product");
                });
    }

    @Test
    void anotherSellerAccountForAMeteredProductNamesTheProductsSeller() {
        assertThatThrownBy(() -> register(
                        "999988887777", "prod-abc123", IdentityMode.LICENSE, PricingModel.SUBSCRIPTION, "us-east-1"))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.property()).isEqualTo(KEY + "seller");
                    assertThat(e.fix()).contains("111122223333", "'acme'", "999988887777");
                });
    }

    @Test
    void severalChangedFieldsNameTheFirstAndFixThemAll() {
        assertThatThrownBy(() -> register(
                        "111122223333", "prod-new", IdentityMode.LICENSE, PricingModel.SUBSCRIPTION, "eu-west-1"))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.property()).isEqualTo(KEY + "metering-region");
                    assertThat(e.getMessage()).contains("eu-west-1", "prod-new");
                    assertThat(e.fix()).contains("keep metering-region us-east-1", "keep product-code prod-abc123");
                });
    }

    @Test
    void aMeteredProductsPricingModelMayChange() {
        register("111122223333", "prod-abc123", IdentityMode.LICENSE, PricingModel.CONTRACT, "us-east-1");

        assertThat(products.findById("analytics").orElseThrow().pricingModel()).isEqualTo(PricingModel.CONTRACT);
    }

    private void register(
            String accountId, String productCode, IdentityMode mode, PricingModel model, String meteringRegion) {
        var dimensions = List.of(new DimensionProperties(
                "requests",
                "calls",
                model == PricingModel.CONTRACT ? DimensionType.ENTITLEMENT : DimensionType.METERED));
        var product = new ProductProperties(
                productCode,
                null,
                mode,
                model,
                meteringRegion,
                dimensions,
                new FulfillmentProperties(Onboarding.AUTOMATIC),
                new SqsProperties(null));
        var catalog = CatalogFactory.create(new CatalogProperties(
                Map.of("acme", new SellerProperties(accountId, null, null, "us-east-1")),
                Map.of("analytics", product)));
        new CatalogRegistration(catalog, products).run(null);
    }
}
