package io.marketgate.simulator.eventbridge;

import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.EntitlementGrant;
import io.marketgate.simulator.state.Product;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The {@code detail} objects of agreement and license events, shaped like AWS's documented examples. */
final class AgreementEventDetails {

    private final Agreement agreement;
    private final Product product;
    private final boolean licenseArnWithPrefix;

    AgreementEventDetails(Agreement agreement, Product product, boolean licenseArnWithPrefix) {
        this.agreement = agreement;
        this.product = product;
        this.licenseArnWithPrefix = licenseArnWithPrefix;
    }

    /** Purchase Agreement Created ({@code NEW}) or Amended ({@code AMEND}). */
    Map<String, Object> created(String intent) {
        Map<String, Object> agreementPart = new LinkedHashMap<>();
        agreementPart.put("id", agreement.id());
        agreementPart.put("intent", intent);
        agreementPart.put("status", "ACTIVE");
        agreementPart.put("acceptanceTime", time(agreement.createdAt()));
        agreementPart.put("startTime", time(agreement.createdAt()));
        // Expiration is optional per entitlement; the agreement ends with the latest one that is given.
        agreement.entitlements().stream()
                .map(EntitlementGrant::expiration)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .ifPresent(end -> agreementPart.put("endTime", time(end)));
        if (agreement.resellerAccountId() == null) {
            agreementPart.put("autoRenewalEnabled", false);
        }
        Map<String, Object> detail = header();
        detail.put("agreement", agreementPart);
        detail.put("product", Map.of("id", product.productId(), "title", product.title()));
        return withParties(detail, true);
    }

    /** Purchase Agreement Ended: the agreement's id and status, and the parties. */
    Map<String, Object> ended() {
        Map<String, Object> detail = header();
        detail.put("agreement", Map.of("id", agreement.id(), "status", "CANCELLED"));
        return withParties(detail, true);
    }

    /** License Updated and License Deprovisioned: they carry the license ARN, agreement events do not. */
    Map<String, Object> license() {
        Map<String, Object> detail = header();
        detail.put("agreement", Map.of("id", agreement.id()));
        detail.put("product", Map.of("code", product.code(), "id", product.productId()));
        detail.put("license", Map.of("arn", licenseArn()));
        return withParties(detail, false);
    }

    /** AWS's own example omits the {@code arn:} prefix; real consumers must cope with both forms. */
    String licenseArn() {
        String arn = agreement.licenseArn();
        return licenseArnWithPrefix || !arn.startsWith("arn:") ? arn : arn.substring("arn:".length());
    }

    /** {@code requestId} is added when the event is sent, as it is unique per event. */
    private Map<String, Object> header() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("catalog", "AWSMarketplace");
        return detail;
    }

    /** @param agreementEvent agreement events carry {@code resaleAuthorization}, null for a direct sale */
    private Map<String, Object> withParties(Map<String, Object> detail, boolean agreementEvent) {
        String reseller = agreement.resellerAccountId();
        if (reseller != null) {
            detail.put("resaleAuthorization", Map.of("id", resaleAuthorizationId(reseller)));
        } else if (agreementEvent) {
            detail.put("resaleAuthorization", null);
        }
        detail.put("acceptor", Map.of("accountId", agreement.buyerAccountId()));
        detail.put("proposer", Map.of("accountId", reseller != null ? reseller : product.sellerAccountId()));
        detail.put("offer", Map.of("id", agreement.offerId()));
        return detail;
    }

    /** Stable per reseller and product, as one authorization covers all of a reseller's offers for it. */
    private String resaleAuthorizationId(String reseller) {
        return "resaleauthz-" + Integer.toHexString((reseller + "/" + product.code()).hashCode() & 0x7fffffff);
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
