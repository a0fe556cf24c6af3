package io.marketgate.server.product.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.DimensionType;
import io.marketgate.server.product.IdentityMode;
import io.marketgate.server.product.Onboarding;
import io.marketgate.server.product.PricingModel;
import io.marketgate.server.product.config.CatalogProperties.DimensionProperties;
import io.marketgate.server.product.config.CatalogProperties.FulfillmentProperties;
import io.marketgate.server.product.config.CatalogProperties.ProductProperties;
import io.marketgate.server.product.config.CatalogProperties.SellerProperties;
import io.marketgate.server.product.config.CatalogProperties.SqsProperties;
import io.marketgate.server.shared.InvalidConfigurationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogFactoryTest {

    private static final SellerProperties SELLER = new SellerProperties("111122223333", null, null, "us-east-1");
    private static final List<DimensionProperties> METERED =
            List.of(new DimensionProperties("requests", "calls", DimensionType.METERED));

    @Test
    void validProductIsBuiltWithItsOnlySeller() {
        Catalog catalog = CatalogFactory.create(new CatalogProperties(
                Map.of("acme", SELLER),
                Map.of(
                        "analytics",
                        product("prod-code-1", null, IdentityMode.LICENSE, PricingModel.SUBSCRIPTION, METERED))));

        var product = catalog.product("analytics").orElseThrow();
        assertThat(product.seller().accountId()).isEqualTo("111122223333");
        assertThat(product.identityMode()).isEqualTo(IdentityMode.LICENSE);
        assertThat(product.onboarding()).isEqualTo(Onboarding.AUTOMATIC);
        assertThat(catalog.onlyProduct()).contains(product);
        assertThat(catalog.isDemo()).isFalse();
    }

    @Test
    void missingProductCodeNamesTheProperty() {
        assertInvalid(
                Map.of("acme", SELLER),
                product(null, null, IdentityMode.LEGACY, PricingModel.SUBSCRIPTION, METERED),
                "marketgate.products.analytics.product-code");
    }

    @Test
    void missingIdentityModeNamesTheProperty() {
        assertInvalid(
                Map.of("acme", SELLER),
                product("code", null, null, PricingModel.SUBSCRIPTION, METERED),
                "marketgate.products.analytics.identity-mode");
    }

    @Test
    void unknownSellerNamesTheProperty() {
        assertInvalid(
                Map.of("acme", SELLER),
                product("code", "other", IdentityMode.ACCOUNT, PricingModel.SUBSCRIPTION, METERED),
                "marketgate.products.analytics.seller");
    }

    @Test
    void roleInAnotherAccountThanThePublishingAccountIsRejected() {
        var seller = new SellerProperties("111122223333", "arn:aws:iam::444455556666:role/Metering", null, "us-east-1");
        assertInvalid(
                Map.of("acme", seller),
                product("code", null, IdentityMode.ACCOUNT, PricingModel.SUBSCRIPTION, METERED),
                "marketgate.sellers.acme.role-arn");
    }

    @Test
    void accountIdMustHaveTwelveDigits() {
        var seller = new SellerProperties("1234", null, null, "us-east-1");
        assertInvalid(
                Map.of("acme", seller),
                product("code", null, IdentityMode.ACCOUNT, PricingModel.SUBSCRIPTION, METERED),
                "marketgate.sellers.acme.account-id");
    }

    @Test
    void contractWithMeteredDimensionIsRejected() {
        assertInvalid(
                Map.of("acme", SELLER),
                product("code", null, IdentityMode.LICENSE, PricingModel.CONTRACT, METERED),
                "marketgate.products.analytics.dimensions");
    }

    @Test
    void subscriptionWithEntitlementDimensionIsRejected() {
        var entitlement = List.of(new DimensionProperties("seats", "users", DimensionType.ENTITLEMENT));
        assertInvalid(
                Map.of("acme", SELLER),
                product("code", null, IdentityMode.LICENSE, PricingModel.SUBSCRIPTION, entitlement),
                "marketgate.products.analytics.dimensions[0].type");
    }

    @Test
    void sameProductCodeTwiceIsRejected() {
        var properties = new CatalogProperties(
                Map.of("acme", SELLER),
                new java.util.LinkedHashMap<>(Map.of(
                        "one", product("code", null, IdentityMode.LICENSE, PricingModel.SUBSCRIPTION, METERED),
                        "two", product("code", null, IdentityMode.LICENSE, PricingModel.SUBSCRIPTION, METERED))));
        assertThatThrownBy(() -> CatalogFactory.create(properties))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("product-code")
                .hasMessageContaining("configured twice");
    }

    @Test
    void queueUrlThatIsNotAUrlNamesTheProperty() {
        var product = new ProductProperties(
                "code",
                null,
                IdentityMode.LICENSE,
                PricingModel.SUBSCRIPTION,
                "us-east-1",
                METERED,
                new FulfillmentProperties(Onboarding.AUTOMATIC),
                new SqsProperties("marketgate-queue"));
        assertInvalid(Map.of("acme", SELLER), product, "marketgate.products.analytics.sqs.queue-url");
    }

    @Test
    void demoCatalogueHasOneLicenseModeSubscriptionProduct() {
        Catalog demo = Catalog.demo();
        assertThat(demo.isDemo()).isTrue();
        assertThat(demo.onlyProduct()).hasValueSatisfying(p -> {
            assertThat(p.identityMode()).isEqualTo(IdentityMode.LICENSE);
            assertThat(p.meteredDimensions()).isNotEmpty();
        });
    }

    private static void assertInvalid(
            Map<String, SellerProperties> sellers, ProductProperties product, String property) {
        assertThatThrownBy(() -> CatalogFactory.create(new CatalogProperties(sellers, Map.of("analytics", product))))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.property())
                        .isEqualTo(property));
    }

    private static ProductProperties product(
            String code, String seller, IdentityMode mode, PricingModel model, List<DimensionProperties> dimensions) {
        return new ProductProperties(
                code,
                seller,
                mode,
                model,
                "us-east-1",
                dimensions,
                new FulfillmentProperties(Onboarding.AUTOMATIC),
                new SqsProperties(null));
    }
}
