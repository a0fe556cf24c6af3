package io.marketgate.simulator.entitlement;

import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.AgreementStatus;
import io.marketgate.simulator.state.Buyer;
import io.marketgate.simulator.state.EntitlementGrant;
import io.marketgate.simulator.state.IdentityMode;
import io.marketgate.simulator.state.Product;
import io.marketgate.simulator.state.SimState;
import java.util.List;

/**
 * Which entitlements GetEntitlements reports for a product, derived from the agreements.
 *
 * <p>An agreement's grants are reported while it is {@code ACTIVE} or {@code UNSUBSCRIBE_PENDING} (a
 * cancelled contract runs until its end). Grants whose ExpirationDate has passed are still reported, with
 * that date: AWS defines it as a minimum validity date, and the caller must evaluate it. Agreements that
 * are {@code PENDING} (no subscribe-success yet), {@code FAILED} or {@code UNSUBSCRIBED} report nothing.
 */
final class EntitlementCatalog {

    private final SimState state;

    EntitlementCatalog(SimState state) {
        this.state = state;
    }

    /** All reported entitlements of the product, oldest agreement first, grants in contract order. */
    List<EntitlementRow> rows(Product product) {
        return state.agreementsOf(product.code()).stream()
                .filter(EntitlementCatalog::reportsEntitlements)
                .flatMap(agreement -> agreement.entitlements().stream().map(grant -> row(product, agreement, grant)))
                .toList();
    }

    private static boolean reportsEntitlements(Agreement agreement) {
        return agreement.status() == AgreementStatus.ACTIVE
                || agreement.status() == AgreementStatus.UNSUBSCRIBE_PENDING;
    }

    private EntitlementRow row(Product product, Agreement agreement, EntitlementGrant grant) {
        String customerIdentifier = product.identityMode() == IdentityMode.LICENSE
                ? null
                : state.findBuyer(agreement.buyerAccountId())
                        .map(Buyer::customerIdentifier)
                        .orElse(null);
        return new EntitlementRow(
                product.code(),
                grant.dimension(),
                customerIdentifier,
                agreement.buyerAccountId(),
                agreement.licenseArn(),
                grant.value(),
                grant.expiration());
    }
}
