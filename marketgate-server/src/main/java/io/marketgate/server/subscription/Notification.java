package io.marketgate.server.subscription;

import java.time.Instant;

/**
 * A lifecycle notification that was parsed and verified (SNS signature, TopicArn or EventBridge source
 * allow-list), ready to be stored once and applied. What cannot be parsed or verified never becomes one:
 * it is quarantined.
 */
public sealed interface Notification {

    /** The SNS {@code MessageId} or the EventBridge {@code id}, never the SQS message id: the inbox key. */
    String messageId();

    /** The Marketgate product the notification is for. */
    String productId();

    /** When AWS sent it (SNS {@code Timestamp}, EventBridge {@code time}). */
    Instant sentAt();

    /** The message as received (the SQS body), kept for the history. */
    String body();

    /**
     * An SNS message from the subscription or entitlement topic (legacy and account products).
     *
     * @param freeTrial the {@code isFreeTrialTermPresent} flag (a string on the wire), null when absent
     * @param offerId {@code offer-identifier}, or null
     */
    record Sns(
            String messageId,
            String productId,
            Instant sentAt,
            String body,
            SnsAction action,
            String customerIdentifier,
            String offerId,
            Boolean freeTrial)
            implements Notification {}

    /**
     * An EventBridge {@code aws.agreement-marketplace} event, {@code - Proposer} or {@code - Manufacturer}.
     *
     * @param licenseArn normalised with its {@code arn:} prefix; only license events carry one
     * @param agreementStatus {@code agreement.status} where the event has it, else null
     * @param resaleAuthorizationId set for a sale through a reseller (CPPO), else null
     */
    record AgreementEvent(
            String messageId,
            String productId,
            Instant sentAt,
            String body,
            AgreementEventType type,
            String agreementId,
            String licenseArn,
            String acceptorAccountId,
            String agreementStatus,
            String resaleAuthorizationId)
            implements Notification {}

    enum SnsAction {
        SUBSCRIBE_SUCCESS,
        SUBSCRIBE_FAIL,
        UNSUBSCRIBE_PENDING,
        UNSUBSCRIBE_SUCCESS,
        ENTITLEMENT_UPDATED
    }

    /** The detail types that matter for SaaS; the {@code - Proposer}/{@code - Manufacturer} suffix dropped. */
    enum AgreementEventType {
        PURCHASE_AGREEMENT_CREATED,
        PURCHASE_AGREEMENT_AMENDED,
        PURCHASE_AGREEMENT_ENDED,
        LICENSE_UPDATED,
        LICENSE_DEPROVISIONED
    }
}
