package io.marketgate.server.subscription.intake;

import java.time.Instant;

/**
 * A queue message that could not be parsed or verified, as stored: never applied, never dropped.
 *
 * @param id increases with every row (the paging cursor)
 * @param messageKey the SNS MessageId or EventBridge id when the body yields one, else {@code sha256:<hex>}
 * @param queueUrl the queue it was read from
 * @param productId the product when it could be told, else null
 * @param reason why it was quarantined
 * @param body the SQS message body, unchanged
 * @param receivedAt when Marketgate read it
 */
public record QuarantinedNotification(
        long id,
        String messageKey,
        String queueUrl,
        String productId,
        String reason,
        String body,
        Instant receivedAt) {}
