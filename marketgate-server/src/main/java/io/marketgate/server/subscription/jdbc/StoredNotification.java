package io.marketgate.server.subscription.jdbc;

import io.marketgate.server.subscription.LifecycleAction;
import java.time.Instant;

/**
 * A row of the {@code notification} inbox.
 *
 * @param source {@code sns} or {@code eventbridge}
 * @param correlation how the notification names its buyer: {@code cid:}, {@code acct:}, {@code lic:} or
 *     {@code agmt:} followed by the id
 * @param subscriptionKey the subscription it belongs to, or null while unknown (parked until a
 *     registration or a License Updated links its correlation)
 */
public record StoredNotification(
        String messageId,
        String productId,
        String source,
        LifecycleAction action,
        Instant sentAt,
        Instant receivedAt,
        String correlation,
        String subscriptionKey,
        String customerIdentifier,
        String awsAccountId,
        String licenseArn,
        String agreementId,
        String agreementStatus,
        String offerId,
        Boolean freeTrial,
        String resaleAuthorizationId,
        String body) {}
