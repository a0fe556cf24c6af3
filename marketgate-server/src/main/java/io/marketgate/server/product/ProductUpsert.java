package io.marketgate.server.product;

/** What storing a product definition did. */
public sealed interface ProductUpsert {

    /** The definition is stored (new or updated); {@code product} is the row as stored now. */
    record Saved(ProductRecord product) implements ProductUpsert {}

    /**
     * Refused: the product's metering region was already used, and AWS dedupes per region, so moving it
     * could bill an hour twice. Nothing was changed.
     */
    record MeteringRegionLocked(ProductRecord stored, String requestedRegion) implements ProductUpsert {
        public String message() {
            return "Product '" + stored.id() + "' already sent usage to " + stored.meteringRegion() + " (since "
                    + stored.meteringRegionFirstUsedAt() + "); its metering region cannot change to "
                    + requestedRegion + ". Keep metering-region " + stored.meteringRegion() + ".";
        }
    }

    /** Refused: another product already has this product code. Nothing was changed. */
    record ProductCodeTaken(String productCode, String takenByProductId) implements ProductUpsert {
        public String message() {
            return "Product code " + productCode + " already belongs to product '" + takenByProductId + "'.";
        }
    }
}
