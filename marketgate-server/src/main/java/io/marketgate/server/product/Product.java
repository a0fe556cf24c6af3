package io.marketgate.server.product;

import java.util.List;
import java.util.Optional;

/**
 * A SaaS product listed on AWS Marketplace and served by this Marketgate.
 *
 * @param id short, URL-safe name used in Marketgate's own URLs (e.g. the fulfillment URL)
 * @param productCode the AWS product code
 * @param meteringRegion where BatchMeterUsage is called; AWS dedupes per region, so it is fixed once used
 * @param notificationQueueUrl SQS queue subscribed to the product's SNS topics / EventBridge rule, or null
 */
public record Product(
        String id,
        String productCode,
        Seller seller,
        IdentityMode identityMode,
        PricingModel pricingModel,
        String meteringRegion,
        List<Dimension> dimensions,
        Onboarding onboarding,
        String notificationQueueUrl) {

    public Product {
        dimensions = List.copyOf(dimensions);
    }

    public Optional<Dimension> dimension(String key) {
        return dimensions.stream().filter(d -> d.key().equals(key)).findFirst();
    }

    public List<Dimension> meteredDimensions() {
        return dimensions.stream()
                .filter(d -> d.type() == DimensionType.METERED)
                .toList();
    }
}
