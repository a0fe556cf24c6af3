package io.marketgate.server.product.config;

import io.marketgate.server.product.DimensionType;
import io.marketgate.server.product.IdentityMode;
import io.marketgate.server.product.Onboarding;
import io.marketgate.server.product.PricingModel;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sellers and products, under {@code marketgate.sellers.<id>} and {@code marketgate.products.<id>}.
 * With no products configured Marketgate starts the demo product against the embedded simulator.
 *
 * @param sellers AWS accounts that published listings, by a short id of your choice
 * @param products the products served, by a short URL-safe id used in Marketgate's URLs
 */
@ConfigurationProperties("marketgate")
public record CatalogProperties(Map<String, SellerProperties> sellers, Map<String, ProductProperties> products) {

    public CatalogProperties {
        sellers = sellers == null ? Map.of() : sellers;
        products = products == null ? Map.of() : products;
    }

    /**
     * A seller (publishing) AWS account.
     *
     * @param accountId the 12-digit account that published the listings; the credentials must reach it
     * @param roleArn role in that account to assume (cross-account, e.g. listing through a reseller);
     *     omit to use the default credentials chain as they are
     * @param externalId ExternalId the role's trust policy requires, if any
     * @param region region of the STS endpoint (regional STS endpoints are AWS best practice)
     */
    public record SellerProperties(
            String accountId,
            String roleArn,
            String externalId,
            @DefaultValue("us-east-1") String region) {

        /** Blank means unset, so {@code external-id: ${VAR:}} works when the variable is absent. */
        public SellerProperties {
            roleArn = roleArn == null || roleArn.isBlank() ? null : roleArn.strip();
            externalId = externalId == null || externalId.isBlank() ? null : externalId;
        }
    }

    /**
     * A product.
     *
     * @param productCode the AWS Marketplace product code
     * @param seller id of the seller (under {@code marketgate.sellers}) that published it; may be omitted
     *     when exactly one seller is configured
     * @param identityMode {@code legacy}, {@code account} or {@code license}
     * @param pricingModel {@code subscription}, {@code contract} or {@code contract-with-consumption}
     * @param meteringRegion region BatchMeterUsage is called in (fixed once used: AWS dedupes per region)
     * @param dimensions the listing's dimensions
     * @param fulfillment how buyers are onboarded
     * @param sqs where the product's lifecycle notifications arrive
     */
    public record ProductProperties(
            String productCode,
            String seller,
            IdentityMode identityMode,
            PricingModel pricingModel,
            @DefaultValue("us-east-1") String meteringRegion,
            List<DimensionProperties> dimensions,
            @DefaultValue FulfillmentProperties fulfillment,
            @DefaultValue SqsProperties sqs) {

        public ProductProperties {
            dimensions = dimensions == null ? List.of() : dimensions;
        }
    }

    /**
     * @param key the dimension's API name on the listing
     * @param unit what one unit means, for people
     * @param type {@code metered} (BatchMeterUsage) or {@code entitlement} (contract, GetEntitlements)
     */
    public record DimensionProperties(
            String key,
            String unit,
            @DefaultValue("metered") DimensionType type) {}

    /** @param onboarding {@code automatic} (signed redirect to your app) or {@code manual} (operators provision) */
    public record FulfillmentProperties(
            @DefaultValue("automatic") Onboarding onboarding) {}

    /** @param queueUrl URL of the SQS queue subscribed to the product's SNS topics and EventBridge rule */
    public record SqsProperties(String queueUrl) {}
}
