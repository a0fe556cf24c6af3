package io.marketgate.server.product.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.server.product.IdentityMode;
import io.marketgate.server.product.LockedField;
import io.marketgate.server.product.PricingModel;
import io.marketgate.server.product.ProductRecord;
import io.marketgate.server.product.ProductUpsert;
import io.marketgate.server.shared.MutableClock;
import io.marketgate.server.shared.jdbc.TestDatabase;
import io.marketgate.server.shared.jdbc.TimestampColumns;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The catalog's behaviour, run once per database by the subclasses. */
abstract class JdbcProductCatalogContract {

    // Sub-millisecond on purpose: both databases must return the same (millisecond) value.
    private static final Instant START = Instant.parse("2026-11-02T10:15:30.123456Z");

    private final MutableClock clock = new MutableClock(START);
    private TestDatabase database;
    private JdbcClient jdbc;
    private JdbcProductCatalog catalog;

    protected abstract TestDatabase openDatabase();

    @BeforeEach
    void setUp() {
        database = openDatabase();
        jdbc = database.jdbcClient();
        catalog = new JdbcProductCatalog(jdbc, TimestampColumns.of(database.dataSource()), clock);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private static ProductRecord demo(String region) {
        return ProductRecord.definition(
                "demo",
                "prod-abc123",
                IdentityMode.LICENSE,
                PricingModel.CONTRACT_WITH_CONSUMPTION,
                "111122223333",
                region);
    }

    private ProductRecord saved(ProductUpsert outcome) {
        assertThat(outcome).isInstanceOf(ProductUpsert.Saved.class);
        return ((ProductUpsert.Saved) outcome).product();
    }

    /** {@code product} with {@code field} set to {@link #changedValue}, every other field as it was. */
    private static ProductRecord withChanged(ProductRecord product, LockedField field) {
        String value = changedValue(field);
        return ProductRecord.definition(
                product.id(),
                field == LockedField.PRODUCT_CODE ? value : product.productCode(),
                field == LockedField.IDENTITY_MODE ? IdentityMode.fromValue(value) : product.identityMode(),
                product.pricingModel(),
                field == LockedField.SELLER_ACCOUNT_ID ? value : product.sellerAccountId(),
                field == LockedField.METERING_REGION ? value : product.meteringRegion());
    }

    /** A value other than {@link #demo}'s; account for license is the ProductCode ↔ LicenseArn switch. */
    private static String changedValue(LockedField field) {
        return switch (field) {
            case METERING_REGION -> "eu-west-1";
            case IDENTITY_MODE -> "account";
            case SELLER_ACCOUNT_ID -> "999988887777";
            case PRODUCT_CODE -> "prod-new";
        };
    }

    @Test
    void newProductIsStoredWithEveryField() {
        ProductRecord stored = saved(catalog.upsert(demo("us-east-1")));

        Instant millis = Instant.parse("2026-11-02T10:15:30.123Z");
        assertThat(stored)
                .isEqualTo(new ProductRecord(
                        "demo",
                        "prod-abc123",
                        IdentityMode.LICENSE,
                        PricingModel.CONTRACT_WITH_CONSUMPTION,
                        "111122223333",
                        "us-east-1",
                        null,
                        millis,
                        millis));
        assertThat(catalog.findById("demo")).contains(stored);
    }

    @Test
    void unknownIdIsNotFound() {
        assertThat(catalog.findById("nope")).isEmpty();
    }

    @Test
    void allProductsAreListedById() {
        catalog.upsert(ProductRecord.definition(
                "zeta", "prod-z", IdentityMode.LEGACY, PricingModel.SUBSCRIPTION, "111122223333", "us-east-1"));
        catalog.upsert(ProductRecord.definition(
                "alpha", "prod-a", IdentityMode.ACCOUNT, PricingModel.CONTRACT, "444455556666", "eu-west-1"));

        assertThat(catalog.findAll()).extracting(ProductRecord::id).containsExactly("alpha", "zeta");
    }

    @Test
    void upsertingAgainUpdatesTheDefinitionAndKeepsCreatedAt() {
        catalog.upsert(demo("us-east-1"));
        clock.advance(Duration.ofHours(1));

        ProductRecord changed = saved(catalog.upsert(ProductRecord.definition(
                "demo", "prod-new", IdentityMode.ACCOUNT, PricingModel.SUBSCRIPTION, "999988887777", "us-east-1")));

        assertThat(changed.productCode()).isEqualTo("prod-new");
        assertThat(changed.identityMode()).isEqualTo(IdentityMode.ACCOUNT);
        assertThat(changed.pricingModel()).isEqualTo(PricingModel.SUBSCRIPTION);
        assertThat(changed.sellerAccountId()).isEqualTo("999988887777");
        assertThat(changed.createdAt()).isEqualTo(Instant.parse("2026-11-02T10:15:30.123Z"));
        assertThat(changed.updatedAt()).isEqualTo(Instant.parse("2026-11-02T11:15:30.123Z"));
        assertThat(catalog.findAll()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(LockedField.class)
    void lockedFieldCanChangeBeforeTheProductIsMetered(LockedField field) {
        catalog.upsert(demo("us-east-1"));

        ProductRecord changed = saved(catalog.upsert(withChanged(demo("us-east-1"), field)));

        assertThat(field.valueIn(changed)).isEqualTo(changedValue(field));
        assertThat(changed.meteringRegionFirstUsedAt()).isNull();
    }

    @ParameterizedTest
    @EnumSource(LockedField.class)
    void lockedFieldCannotChangeOnceTheProductIsMetered(LockedField field) {
        catalog.upsert(demo("us-east-1"));
        catalog.markMeteringRegionUsed("demo", START);
        ProductRecord before = catalog.findById("demo").orElseThrow();
        ProductRecord requested = withChanged(demo("us-east-1"), field);

        ProductUpsert outcome = catalog.upsert(requested);

        assertThat(outcome).isEqualTo(new ProductUpsert.MeteringHistoryLocked(before, requested, List.of(field)));
        assertThat(((ProductUpsert.MeteringHistoryLocked) outcome).message())
                .contains("'demo'", field.valueIn(before), changedValue(field), "Nothing was changed");
        assertThat(catalog.findById("demo")).contains(before);
    }

    @Test
    void everyChangedLockedFieldIsNamedAndNothingChanges() {
        catalog.upsert(demo("us-east-1"));
        catalog.markMeteringRegionUsed("demo", START);
        ProductRecord before = catalog.findById("demo").orElseThrow();
        clock.advance(Duration.ofHours(1));

        ProductUpsert outcome = catalog.upsert(ProductRecord.definition(
                "demo", "prod-new", IdentityMode.ACCOUNT, PricingModel.SUBSCRIPTION, "999988887777", "eu-west-1"));

        assertThat(outcome).isInstanceOfSatisfying(ProductUpsert.MeteringHistoryLocked.class, locked -> assertThat(
                        locked.changedFields())
                .containsExactly(LockedField.values()));
        assertThat(catalog.findById("demo")).contains(before);
    }

    @Test
    void pricingModelCanChangeOnceTheProductIsMetered() {
        catalog.upsert(demo("us-east-1"));
        catalog.markMeteringRegionUsed("demo", START);
        clock.advance(Duration.ofHours(1));

        ProductRecord changed = saved(catalog.upsert(ProductRecord.definition(
                "demo", "prod-abc123", IdentityMode.LICENSE, PricingModel.CONTRACT, "111122223333", "us-east-1")));

        assertThat(changed.pricingModel()).isEqualTo(PricingModel.CONTRACT);
        assertThat(changed.updatedAt()).isEqualTo(Instant.parse("2026-11-02T11:15:30.123Z"));
        assertThat(changed.meteringRegionFirstUsedAt()).isEqualTo(Instant.parse("2026-11-02T10:15:30.123Z"));
    }

    @Test
    void theSameDefinitionIsSavedAgainOnceTheProductIsMetered() {
        catalog.upsert(demo("us-east-1"));
        catalog.markMeteringRegionUsed("demo", START);

        assertThat(saved(catalog.upsert(demo("us-east-1"))).meteringRegionFirstUsedAt())
                .isEqualTo(Instant.parse("2026-11-02T10:15:30.123Z"));
    }

    @Test
    void markingTheRegionUsedIsIdempotentAndTheFirstTimeWins() {
        catalog.upsert(demo("us-east-1"));

        assertThat(catalog.markMeteringRegionUsed("demo", START)).isTrue();
        assertThat(catalog.markMeteringRegionUsed("demo", START.plusSeconds(3600)))
                .isFalse();

        assertThat(catalog.findById("demo").orElseThrow().meteringRegionFirstUsedAt())
                .isEqualTo(Instant.parse("2026-11-02T10:15:30.123Z"));
    }

    @Test
    void markingAnUnknownProductChangesNothing() {
        assertThat(catalog.markMeteringRegionUsed("nope", START)).isFalse();
    }

    @Test
    void aProductCodeBelongsToOneProduct() {
        catalog.upsert(demo("us-east-1"));

        ProductUpsert outcome = catalog.upsert(ProductRecord.definition(
                "other", "prod-abc123", IdentityMode.LEGACY, PricingModel.SUBSCRIPTION, "111122223333", "us-east-1"));

        assertThat(outcome).isEqualTo(new ProductUpsert.ProductCodeTaken("prod-abc123", "demo"));
        assertThat(catalog.findById("other")).isEmpty();
    }

    @Test
    void aMeteredProductCannotTakeAnotherProductsCode() {
        catalog.upsert(demo("us-east-1"));
        catalog.upsert(ProductRecord.definition(
                "other", "prod-other", IdentityMode.ACCOUNT, PricingModel.SUBSCRIPTION, "111122223333", "us-east-1"));
        catalog.markMeteringRegionUsed("demo", START);
        ProductRecord before = catalog.findById("demo").orElseThrow();

        ProductUpsert outcome = catalog.upsert(ProductRecord.definition(
                "demo", "prod-other", IdentityMode.LICENSE, PricingModel.SUBSCRIPTION, "111122223333", "us-east-1"));

        // The lock is decided first: the code stays with its product whoever else holds the requested one.
        assertThat(outcome).isInstanceOfSatisfying(ProductUpsert.MeteringHistoryLocked.class, locked -> assertThat(
                        locked.changedFields())
                .containsExactly(LockedField.PRODUCT_CODE));
        assertThat(catalog.findById("demo")).contains(before);
    }

    @Test
    void theSchemaRejectsAnUnknownIdentityMode() {
        assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO product (id, product_code, identity_mode, pricing_model, seller_account_id,
                                             metering_region, created_at, updated_at)
                        VALUES ('x', 'prod-x', 'customer', 'subscription', '1', 'us-east-1', :now, :now)
                        """)
                        .param("now", TimestampColumns.of(database.dataSource()).bind(START))
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
