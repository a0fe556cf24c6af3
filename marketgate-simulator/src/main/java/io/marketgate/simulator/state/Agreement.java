package io.marketgate.simulator.state;

import java.time.Instant;
import java.util.List;

/**
 * A buyer's agreement for a product: the subscription and, for contracts, its entitlements. Immutable;
 * {@link SimState} replaces it on every change.
 *
 * @param licenseArn full {@code arn:aws:license-manager:...} ARN of the buyer's license
 * @param offerType {@code free-trial} or null
 * @param resellerAccountId the reseller (channel partner) that sold it, or null for a direct sale
 * @param cancelledAt when the buyer cancelled (start of the post-cancel grace), or null
 * @param activatedAt when payment first succeeded (subscribe-success), or null while it has not; usage of an
 *     hour before this one is refused
 */
public record Agreement(
        String id,
        String productCode,
        String buyerAccountId,
        String licenseArn,
        String offerId,
        String offerType,
        String resellerAccountId,
        AgreementStatus status,
        List<EntitlementGrant> entitlements,
        Instant createdAt,
        Instant cancelledAt,
        Instant activatedAt) {

    public Agreement {
        entitlements = List.copyOf(entitlements);
    }

    public boolean freeTrial() {
        return "free-trial".equals(offerType);
    }

    public Agreement withStatus(AgreementStatus value, Instant cancelled) {
        return new Agreement(
                id,
                productCode,
                buyerAccountId,
                licenseArn,
                offerId,
                offerType,
                resellerAccountId,
                value,
                entitlements,
                createdAt,
                cancelled,
                activatedAt);
    }

    /** Active from {@code at}, unless it was active before: a replayed subscribe-success keeps the first time. */
    public Agreement activated(Instant at) {
        return new Agreement(
                id,
                productCode,
                buyerAccountId,
                licenseArn,
                offerId,
                offerType,
                resellerAccountId,
                AgreementStatus.ACTIVE,
                entitlements,
                createdAt,
                null,
                activatedAt != null ? activatedAt : at);
    }

    public Agreement withEntitlements(List<EntitlementGrant> value) {
        return new Agreement(
                id,
                productCode,
                buyerAccountId,
                licenseArn,
                offerId,
                offerType,
                resellerAccountId,
                status,
                value,
                createdAt,
                cancelledAt,
                activatedAt);
    }
}
