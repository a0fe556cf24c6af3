package io.marketgate.simulator.control;

import static io.marketgate.simulator.control.JsonEndpoint.JSON;

import io.marketgate.simulator.SimClock;
import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.AgreementStatus;
import io.marketgate.simulator.state.Buyer;
import io.marketgate.simulator.state.Dimension;
import io.marketgate.simulator.state.EntitlementGrant;
import io.marketgate.simulator.state.Product;
import io.marketgate.simulator.state.RegistrationToken;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The control API's JSON representations of the simulator's state. */
public final class ControlViews {

    private ControlViews() {}

    public static ObjectNode product(Product product) {
        ObjectNode node = JSON.createObjectNode();
        node.put("code", product.code());
        node.put("productId", product.productId());
        node.put("title", product.title());
        node.put("sellerAccountId", product.sellerAccountId());
        node.put("identityMode", product.identityMode().wireName());
        node.put("pricingModel", product.pricingModel().wireName());
        ArrayNode dimensions = node.putArray("dimensions");
        for (Dimension d : product.dimensions()) {
            dimensions
                    .addObject()
                    .put("key", d.key())
                    .put("description", d.description())
                    .put("metered", d.metered());
        }
        node.put("fulfillmentUrl", product.fulfillmentUrl());
        node.put("notificationQueue", product.notificationQueue());
        node.put("eventQueue", product.eventQueue());
        return node;
    }

    public static ObjectNode buyer(Buyer buyer) {
        ObjectNode node = JSON.createObjectNode();
        node.put("accountId", buyer.accountId());
        node.put("name", buyer.name());
        node.put("customerIdentifier", buyer.customerIdentifier());
        node.put("suspended", buyer.suspended());
        return node;
    }

    public static ObjectNode agreement(Agreement agreement) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", agreement.id());
        node.put("productCode", agreement.productCode());
        node.put("buyerAccountId", agreement.buyerAccountId());
        node.put("licenseArn", agreement.licenseArn());
        node.put("offerId", agreement.offerId());
        node.put("offerType", agreement.offerType());
        node.put("resellerAccountId", agreement.resellerAccountId());
        node.put("status", status(agreement.status()));
        ArrayNode entitlements = node.putArray("entitlements");
        agreement.entitlements().forEach(grant -> entitlements.add(entitlement(grant)));
        node.put("createdAt", text(agreement.createdAt()));
        node.put("activatedAt", text(agreement.activatedAt()));
        node.put("cancelledAt", text(agreement.cancelledAt()));
        return node;
    }

    public static ObjectNode token(RegistrationToken token) {
        ObjectNode node = JSON.createObjectNode();
        node.put("token", token.token());
        node.put("agreementId", token.agreementId());
        node.put("issuedAt", text(token.issuedAt()));
        node.put("expiresAt", text(token.expiresAt()));
        return node;
    }

    public static ObjectNode clock(SimClock clock) {
        ObjectNode node = JSON.createObjectNode();
        node.put("now", clock.instant().toString());
        // Rounded: a frozen clock's offset drifts by the real time elapsed since it froze.
        node.put("offsetSeconds", Math.round(clock.offset().toMillis() / 1000.0));
        node.put("frozen", clock.frozen());
        return node;
    }

    /** {@code ACTIVE} → {@code active}, {@code UNSUBSCRIBE_PENDING} → {@code unsubscribe-pending}. */
    public static String status(AgreementStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <T> ArrayNode list(List<T> items, Function<T, ? extends JsonNode> view) {
        ArrayNode array = JSON.createArrayNode();
        items.forEach(item -> array.add(view.apply(item)));
        return array;
    }

    private static ObjectNode entitlement(EntitlementGrant grant) {
        ObjectNode node = JSON.createObjectNode();
        node.put("dimension", grant.dimension());
        switch (grant.value()) {
            case Integer i -> node.put("value", i);
            case Double d -> node.put("value", d);
            case Boolean b -> node.put("value", b);
            default -> node.put("value", String.valueOf(grant.value()));
        }
        node.put("expiration", text(grant.expiration()));
        return node;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
