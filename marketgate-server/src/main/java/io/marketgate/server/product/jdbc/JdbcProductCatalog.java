package io.marketgate.server.product.jdbc;

import io.marketgate.server.product.IdentityMode;
import io.marketgate.server.product.LockedField;
import io.marketgate.server.product.PricingModel;
import io.marketgate.server.product.ProductRecord;
import io.marketgate.server.product.ProductUpsert;
import io.marketgate.server.shared.jdbc.TimestampColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code product} table: configured products, the same SQL on SQLite and PostgreSQL. */
@Repository
public class JdbcProductCatalog {

    private static final String COLUMNS = "id, product_code, identity_mode, pricing_model, seller_account_id,"
            + " metering_region, metering_region_first_used_at, created_at, updated_at";

    // One statement, so the metering lock holds under concurrency: once the product has been metered, the
    // WHERE makes the update a no-op if any LockedField would change; zero rows changed means refused.
    private static final String UPSERT = """
            INSERT INTO product (id, product_code, identity_mode, pricing_model, seller_account_id,
                                 metering_region, created_at, updated_at)
            VALUES (:id, :productCode, :identityMode, :pricingModel, :sellerAccountId, :meteringRegion, :now, :now)
            ON CONFLICT (id) DO UPDATE SET
                product_code = excluded.product_code,
                identity_mode = excluded.identity_mode,
                pricing_model = excluded.pricing_model,
                seller_account_id = excluded.seller_account_id,
                metering_region = excluded.metering_region,
                updated_at = excluded.updated_at
            WHERE product.metering_region_first_used_at IS NULL
               OR (product.metering_region = excluded.metering_region
                   AND product.identity_mode = excluded.identity_mode
                   AND product.seller_account_id = excluded.seller_account_id
                   AND product.product_code = excluded.product_code)
            """;

    private final JdbcClient jdbc;
    private final TimestampColumns timestamps;
    private final Clock clock;

    public JdbcProductCatalog(JdbcClient jdbc, TimestampColumns timestamps, Clock clock) {
        this.jdbc = jdbc;
        this.timestamps = timestamps;
        this.clock = clock;
    }

    /**
     * Stores {@code definition} (its timestamps are ignored): inserts a new product or updates the stored
     * one, unless the product has been metered and a {@link io.marketgate.server.product.LockedField} would
     * change, or another product has its code.
     *
     * <p>On PostgreSQL a product code clash aborts a surrounding transaction; call this outside one.
     */
    public ProductUpsert upsert(ProductRecord definition) {
        int changed;
        try {
            changed = jdbc.sql(UPSERT)
                    .param("id", definition.id())
                    .param("productCode", definition.productCode())
                    .param("identityMode", definition.identityMode().value())
                    .param("pricingModel", definition.pricingModel().value())
                    .param("sellerAccountId", definition.sellerAccountId())
                    .param("meteringRegion", definition.meteringRegion())
                    .param("now", timestamps.bind(clock.instant()))
                    .update();
        } catch (DataIntegrityViolationException e) {
            return productCodeOwner(definition)
                    .<ProductUpsert>map(owner -> new ProductUpsert.ProductCodeTaken(definition.productCode(), owner))
                    .orElseThrow(() -> e);
        }
        ProductRecord stored = findById(definition.id())
                .orElseThrow(
                        () -> new IllegalStateException("Product " + definition.id() + " vanished while being stored"));
        return changed == 1 ? new ProductUpsert.Saved(stored) : meteringHistoryLocked(stored, definition);
    }

    // Only explains a refusal the statement already made: locked fields never change once the product has
    // been metered, so the row read now still differs from the definition in the fields that refused it.
    private static ProductUpsert meteringHistoryLocked(ProductRecord stored, ProductRecord definition) {
        List<LockedField> changedFields = LockedField.changedBetween(stored, definition);
        if (stored.meteringRegionFirstUsedAt() == null || changedFields.isEmpty()) {
            throw new IllegalStateException(
                    "Product " + definition.id() + " was not updated, yet is not locked: " + stored);
        }
        return new ProductUpsert.MeteringHistoryLocked(stored, definition, changedFields);
    }

    public Optional<ProductRecord> findById(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM product WHERE id = :id")
                .param("id", id)
                .query(this::toRecord)
                .optional();
    }

    /** All products, ordered by id. */
    public List<ProductRecord> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM product ORDER BY id")
                .query(this::toRecord)
                .list();
    }

    /**
     * Records that usage was sent to the product's metering region at {@code usedAt}, unless already
     * recorded (the first time wins). Idempotent; true if this call recorded it.
     */
    public boolean markMeteringRegionUsed(String id, Instant usedAt) {
        return jdbc.sql("""
                        UPDATE product SET metering_region_first_used_at = :usedAt
                        WHERE id = :id AND metering_region_first_used_at IS NULL
                        """)
                        .param("usedAt", timestamps.bind(usedAt))
                        .param("id", id)
                        .update()
                == 1;
    }

    private Optional<String> productCodeOwner(ProductRecord definition) {
        return jdbc.sql("SELECT id FROM product WHERE product_code = :productCode AND id <> :id")
                .param("productCode", definition.productCode())
                .param("id", definition.id())
                .query(String.class)
                .optional();
    }

    private ProductRecord toRecord(ResultSet row, int rowNumber) throws SQLException {
        return new ProductRecord(
                row.getString("id"),
                row.getString("product_code"),
                IdentityMode.fromValue(row.getString("identity_mode")),
                PricingModel.fromValue(row.getString("pricing_model")),
                row.getString("seller_account_id"),
                row.getString("metering_region"),
                timestamps.read(row, "metering_region_first_used_at"),
                timestamps.read(row, "created_at"),
                timestamps.read(row, "updated_at"));
    }
}
