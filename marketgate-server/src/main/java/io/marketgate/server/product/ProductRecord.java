package io.marketgate.server.product;

import java.time.Instant;
import java.util.Objects;

/**
 * A configured product as stored: what it is on AWS Marketplace and how Marketgate talks to AWS for it.
 * Once the product has been metered, its {@link LockedField}s are fixed.
 *
 * @param id the product's short id in Marketgate's configuration (e.g. {@code demo}); used in URLs
 * @param productCode AWS Marketplace product code; one product per code
 * @param identityMode how buyers are identified in AWS calls for this product
 * @param pricingModel which AWS APIs the product uses (metering, entitlements or both)
 * @param sellerAccountId the AWS account that published the listing (only it may meter)
 * @param meteringRegion region of the metering endpoint; fixed once used, because AWS dedupes per region
 * @param meteringRegionFirstUsedAt first time a record was sent to {@code meteringRegion}; null until then
 * @param createdAt when Marketgate first stored the product; null in a definition not yet stored
 * @param updatedAt when the definition was last written; null in a definition not yet stored
 */
public record ProductRecord(
        String id,
        String productCode,
        IdentityMode identityMode,
        PricingModel pricingModel,
        String sellerAccountId,
        String meteringRegion,
        Instant meteringRegionFirstUsedAt,
        Instant createdAt,
        Instant updatedAt) {

    public ProductRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(identityMode, "identityMode");
        Objects.requireNonNull(pricingModel, "pricingModel");
        Objects.requireNonNull(sellerAccountId, "sellerAccountId");
        Objects.requireNonNull(meteringRegion, "meteringRegion");
    }

    /** A definition from configuration, before it is stored (no timestamps yet). */
    public static ProductRecord definition(
            String id,
            String productCode,
            IdentityMode identityMode,
            PricingModel pricingModel,
            String sellerAccountId,
            String meteringRegion) {
        return new ProductRecord(
                id, productCode, identityMode, pricingModel, sellerAccountId, meteringRegion, null, null, null);
    }
}
