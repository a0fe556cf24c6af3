package io.marketgate.server.subscription;

import java.time.Instant;

/**
 * One buyer's subscription to one product, as other modules see it.
 *
 * @param key the customer key of the product's identity mode: legacy → CustomerIdentifier, account → AWS
 *     account id, license → LicenseArn
 * @param activeSince when it last became active (the notification's sent time), or null if never
 * @param usageAcceptedUntil the end of the final usage window once the subscription is closing or closed;
 *     null while open
 * @param freeTrial from the SNS flag or the agreement's terms
 * @param licenseArn with its {@code arn:} prefix, or null where unknown (SNS-only products)
 * @param awsAccountId the buyer's account, or null where unknown
 */
public record SubscriptionView(
        String productId,
        String key,
        SubscriptionState state,
        Instant activeSince,
        Instant usageAcceptedUntil,
        boolean freeTrial,
        String licenseArn,
        String awsAccountId) {}
