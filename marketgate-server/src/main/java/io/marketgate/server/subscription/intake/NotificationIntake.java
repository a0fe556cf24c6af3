package io.marketgate.server.subscription.intake;

import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.Product;
import io.marketgate.server.subscription.Notification;
import io.marketgate.server.subscription.intake.SnsSignatureVerifier.Verification;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns the body of one notification queue message into a decision: a verified {@link Notification}, a
 * quarantine with its reason, an ignorable event, or "retry later". Nothing here writes or deletes.
 *
 * <p>SNS envelopes: Type Notification, a valid signature (see {@link SnsSignatureVerifier}), a Message for
 * a configured product code, a TopicArn that product allows. EventBridge events: an allowed source, a detail
 * type Marketgate acts on, and a product: {@code detail.product.code} when present (license events),
 * otherwise the queue's product when the queue serves one (agreement events carry no product code).
 */
public final class NotificationIntake {

    private final Catalog catalog;
    private final SnsSignatureVerifier verifier;
    private final TopicAllowList topics;
    private final Set<String> allowedSources;

    public NotificationIntake(
            Catalog catalog, SnsSignatureVerifier verifier, TopicAllowList topics, Set<String> allowedSources) {
        this.catalog = catalog;
        this.verifier = verifier;
        this.topics = topics;
        this.allowedSources = Set.copyOf(allowedSources);
    }

    /**
     * @param body the SQS message body
     * @param queueProducts the products whose notifications arrive on this queue
     */
    public IntakeDecision decide(String body, List<Product> queueProducts) {
        String messageId = null;
        String productId = queueProducts.size() == 1 ? queueProducts.getFirst().id() : null;
        try {
            JsonNode json = Json.object(body, "the message body");
            messageId = Json.text(json, SnsEnvelope.looksLikeOne(json) ? "MessageId" : "id");
            if (SnsEnvelope.looksLikeOne(json)) {
                return sns(SnsEnvelope.of(json), body);
            }
            if (AgreementEvents.looksLikeOne(json)) {
                return eventBridge(AgreementEvents.parse(json, allowedSources), body, queueProducts);
            }
            throw new MalformedNotification("neither an SNS envelope nor an EventBridge event");
        } catch (MisdirectedNotification e) {
            return new IntakeDecision.Quarantine(messageId, e.productId, e.getMessage());
        } catch (MalformedNotification e) {
            return new IntakeDecision.Quarantine(messageId, productId, e.getMessage());
        }
    }

    private IntakeDecision sns(SnsEnvelope envelope, String body) {
        switch (verifier.verify(envelope)) {
            case Verification.Invalid invalid -> throw new MalformedNotification(invalid.reason());
            case Verification.Unavailable unavailable -> {
                return new IntakeDecision.Retry(null, unavailable.reason());
            }
            case Verification.Verified ignored -> {}
        }
        SnsMessages.SnsMessage message = SnsMessages.parse(envelope.message());
        Product product = productByCode(message.productCode())
                .orElseThrow(() -> new MalformedNotification(
                        "product-code " + Json.quote(message.productCode()) + " is not a configured product"));
        if (!topics.allows(product, envelope.topicArn())) {
            throw new MisdirectedNotification(
                    product.id(),
                    "TopicArn " + Json.quote(envelope.topicArn()) + " is not allowed for product " + product.id());
        }
        return new IntakeDecision.Accept(new Notification.Sns(
                envelope.messageId(),
                product.id(),
                instant(envelope.timestamp(), "Timestamp"),
                body,
                message.action(),
                message.customerIdentifier(),
                message.offerId(),
                message.freeTrial()));
    }

    private IntakeDecision eventBridge(AgreementEvents.Parsed parsed, String body, List<Product> queueProducts) {
        if (parsed instanceof AgreementEvents.Parsed.Ignored ignored) {
            String onlyProduct =
                    queueProducts.size() == 1 ? queueProducts.getFirst().id() : null;
            return new IntakeDecision.Ignore(
                    ignored.id(), onlyProduct, "detail type " + ignored.detailType() + " is not acted on");
        }
        var event = (AgreementEvents.Parsed.Event) parsed;
        Product product = event.productCode() != null
                ? productByCode(event.productCode())
                        .orElseThrow(() -> new MalformedNotification(
                                "product.code " + Json.quote(event.productCode()) + " is not a configured product"))
                : onlyProductOf(queueProducts);
        return new IntakeDecision.Accept(new Notification.AgreementEvent(
                event.id(),
                product.id(),
                instant(event.time(), "time"),
                body,
                event.type(),
                event.agreementId(),
                event.licenseArn(),
                event.acceptorAccountId(),
                event.agreementStatus(),
                event.resaleAuthorizationId()));
    }

    private static Product onlyProductOf(List<Product> queueProducts) {
        if (queueProducts.size() != 1) {
            throw new MalformedNotification(
                    "the event has no product.code and its queue serves " + queueProducts.size() + " products");
        }
        return queueProducts.getFirst();
    }

    private Optional<Product> productByCode(String code) {
        return catalog.products().stream()
                .filter(p -> p.productCode().equals(code))
                .findFirst();
    }

    private static Instant instant(String value, String field) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedNotification(field + " " + Json.quote(value) + " is not an ISO-8601 instant");
        }
    }

    /** Malformed, for a product that could be told. */
    private static final class MisdirectedNotification extends MalformedNotification {
        private final String productId;

        MisdirectedNotification(String productId, String reason) {
            super(reason);
            this.productId = productId;
        }
    }
}
