package io.marketgate.simulator.state;

import java.util.List;
import java.util.Optional;

/**
 * A SaaS product listed in the simulator.
 *
 * @param code the product code (ProductCode on the wire)
 * @param sellerAccountId the account that published the listing; only it may resolve and meter
 * @param fulfillmentUrl where the buyer's browser POSTs the registration token
 * @param notificationQueue SQS queue receiving the SNS topics' messages (subscription and entitlement)
 * @param eventQueue SQS queue receiving EventBridge {@code aws.agreement-marketplace} events
 */
public record Product(
        String code,
        String title,
        String sellerAccountId,
        IdentityMode identityMode,
        PricingModel pricingModel,
        List<Dimension> dimensions,
        String fulfillmentUrl,
        String notificationQueue,
        String eventQueue) {

    public Product {
        dimensions = List.copyOf(dimensions);
    }

    public Optional<Dimension> dimension(String key) {
        return dimensions.stream().filter(d -> d.key().equals(key)).findFirst();
    }

    /** The catalogue id AWS shows beside the code, derived so it is stable. */
    public String productId() {
        return "prod-" + Integer.toHexString(code.hashCode() & 0x7fffffff);
    }
}
