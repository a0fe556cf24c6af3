package io.marketgate.server.product;

import java.util.List;
import java.util.stream.Collectors;

/** What storing a product definition did. */
public sealed interface ProductUpsert {

    /** The definition is stored (new or updated); {@code product} is the row as stored now. */
    record Saved(ProductRecord product) implements ProductUpsert {}

    /**
     * Refused: the product has been metered, and the definition changes fields that AWS keys the records
     * already sent by (see {@link LockedField}). Nothing was changed.
     *
     * @param stored the product as stored, unchanged
     * @param requested the refused definition
     * @param changedFields the locked fields it would change, never empty, in {@link LockedField} order
     */
    record MeteringHistoryLocked(ProductRecord stored, ProductRecord requested, List<LockedField> changedFields)
            implements ProductUpsert {

        public MeteringHistoryLocked {
            changedFields = List.copyOf(changedFields);
            if (changedFields.isEmpty()) {
                throw new IllegalArgumentException("A locked upsert changes at least one locked field");
            }
        }

        public String message() {
            return "Product '" + stored.id() + "' has been metered (first usage sent to " + stored.meteringRegion()
                    + " at " + stored.meteringRegionFirstUsedAt() + "), so "
                    + changedFields.stream()
                            .map(field -> field.explain(stored, requested))
                            .collect(Collectors.joining("; "))
                    + ". Nothing was changed.";
        }
    }

    /** Refused: another product already has this product code. Nothing was changed. */
    record ProductCodeTaken(String productCode, String takenByProductId) implements ProductUpsert {
        public String message() {
            return "Product code " + productCode + " already belongs to product '" + takenByProductId + "'.";
        }
    }
}
