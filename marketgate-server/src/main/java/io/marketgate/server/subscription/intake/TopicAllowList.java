package io.marketgate.server.subscription.intake;

import io.marketgate.server.product.Product;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which SNS topics a product's notifications may come from. By default the two AWS Marketplace topics of
 * its product code, {@code aws-mp-subscription-notification-<code>} and
 * {@code aws-mp-entitlement-notification-<code>}, in any AWS region and account (AWS does not document the
 * account that owns them); configured ARNs replace the default and must match exactly.
 */
public final class TopicAllowList {

    private static final Pattern SNS_ARN = Pattern.compile("arn:aws(?:-cn|-us-gov)?:sns:[a-z0-9-]+:\\d{12}:([^:]+)");

    private final Map<String, Set<String>> configured;

    /** @param configured exact topic ARNs by product id; products absent here use the default */
    public TopicAllowList(Map<String, Set<String>> configured) {
        this.configured = Map.copyOf(configured);
    }

    boolean allows(Product product, String topicArn) {
        Set<String> exact = configured.get(product.id());
        if (exact != null) {
            return exact.contains(topicArn);
        }
        var matcher = SNS_ARN.matcher(topicArn);
        return matcher.matches() && defaultTopicNames(product.productCode()).contains(matcher.group(1));
    }

    static List<String> defaultTopicNames(String productCode) {
        return List.of(
                "aws-mp-subscription-notification-" + productCode, "aws-mp-entitlement-notification-" + productCode);
    }
}
