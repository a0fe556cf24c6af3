package io.marketgate.server.subscription.intake;

import io.marketgate.server.subscription.Notification.AgreementEventType;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * EventBridge events of AWS Marketplace agreements ({@code aws.agreement-marketplace}), as an SQS target
 * receives them (the body is the event). The detail types Marketgate acts on come with a {@code - Proposer}
 * (direct sale) or {@code - Manufacturer} (the seller's view, also of a sale through a reseller) suffix;
 * every other detail type of an allowed source is valid but not acted on (renewal reminders, advisories,
 * cancellation requests, billing adjustments): it is ignored, not quarantined.
 */
final class AgreementEvents {

    private static final Map<String, AgreementEventType> TYPES = Map.of(
            "Purchase Agreement Created", AgreementEventType.PURCHASE_AGREEMENT_CREATED,
            "Purchase Agreement Amended", AgreementEventType.PURCHASE_AGREEMENT_AMENDED,
            "Purchase Agreement Ended", AgreementEventType.PURCHASE_AGREEMENT_ENDED,
            "License Updated", AgreementEventType.LICENSE_UPDATED,
            "License Deprovisioned", AgreementEventType.LICENSE_DEPROVISIONED);

    private static final String PROPOSER = " - Proposer";
    private static final String MANUFACTURER = " - Manufacturer";

    /** The outcome of reading one event. */
    sealed interface Parsed {
        /**
         * @param productCode {@code detail.product.code}; agreement events usually lack it
         */
        record Event(
                String id,
                String time,
                AgreementEventType type,
                String productCode,
                String agreementId,
                String licenseArn,
                String acceptorAccountId,
                String agreementStatus,
                String resaleAuthorizationId)
                implements Parsed {}

        record Ignored(String id, String detailType) implements Parsed {}
    }

    private AgreementEvents() {}

    /** Whether {@code json} looks like an EventBridge event. */
    static boolean looksLikeOne(JsonNode json) {
        return json.has("detail-type") && json.has("source");
    }

    static Parsed parse(JsonNode json, Set<String> allowedSources) {
        String id = Json.requiredText(json, "id");
        String source = Json.requiredText(json, "source");
        if (!allowedSources.contains(source)) {
            throw new MalformedNotification("EventBridge source " + Json.quote(source) + " is not allowed");
        }
        String detailType = Json.requiredText(json, "detail-type");
        AgreementEventType type = type(detailType);
        if (type == null) {
            return new Parsed.Ignored(id, detailType);
        }
        JsonNode detail = Json.child(json, "detail");
        if (detail == null) {
            throw new MalformedNotification("the event has no detail object");
        }
        String licenseArn = withArnPrefix(Json.text(Json.child(detail, "license"), "arn"));
        if (licenseArn == null
                && (type == AgreementEventType.LICENSE_UPDATED || type == AgreementEventType.LICENSE_DEPROVISIONED)) {
            throw new MalformedNotification(detailType + " without detail.license.arn");
        }
        JsonNode agreement = Json.child(detail, "agreement");
        String agreementId = Json.text(agreement, "id");
        if (agreementId == null || agreementId.isBlank()) {
            throw new MalformedNotification(detailType + " without detail.agreement.id");
        }
        return new Parsed.Event(
                id,
                Json.requiredText(json, "time"),
                type,
                Json.text(Json.child(detail, "product"), "code"),
                agreementId,
                licenseArn,
                Json.text(Json.child(detail, "acceptor"), "accountId"),
                Json.text(agreement, "status"),
                Json.text(Json.child(detail, "resaleAuthorization"), "id"));
    }

    /** The type of a detail type Marketgate acts on, or null. */
    static AgreementEventType type(String detailType) {
        String name;
        if (detailType.endsWith(PROPOSER)) {
            name = detailType.substring(0, detailType.length() - PROPOSER.length());
        } else if (detailType.endsWith(MANUFACTURER)) {
            name = detailType.substring(0, detailType.length() - MANUFACTURER.length());
        } else {
            return null;
        }
        return TYPES.get(name);
    }

    /**
     * AWS's example {@code license.arn} lacks the {@code arn:} prefix ({@code aws:license-manager:...}) while
     * ResolveCustomer returns {@code arn:aws:license-manager:...}: the stored form always has it.
     */
    static String withArnPrefix(String licenseArn) {
        if (licenseArn == null || licenseArn.isBlank()) {
            return null;
        }
        String arn = licenseArn.strip();
        return arn.startsWith("arn:") ? arn : "arn:" + arn;
    }
}
