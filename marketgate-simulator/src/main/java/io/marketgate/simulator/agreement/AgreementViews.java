package io.marketgate.simulator.agreement;

import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.AgreementStatus;
import io.marketgate.simulator.state.Dimension;
import io.marketgate.simulator.state.EntitlementGrant;
import io.marketgate.simulator.state.Product;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's agreement state in the shapes of the Agreement API (botocore {@code marketplace-agreement}
 * 2020-03-01): DescribeAgreement's summary and GetAgreementTerms' accepted terms.
 */
final class AgreementViews {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** What the simulator's free trials last; AWS allows 5–31 days. */
    static final String FREE_TRIAL_DURATION = "P30D";

    private AgreementViews() {}

    /**
     * The Agreement API's status: a pending or active subscription is an ACTIVE agreement, a cancelled one
     * CANCELLED (the acceptor ended it), a failed payment TERMINATED (ended by AWS).
     */
    static String status(AgreementStatus status) {
        return switch (status) {
            case PENDING, ACTIVE -> "ACTIVE";
            case UNSUBSCRIBE_PENDING, UNSUBSCRIBED -> "CANCELLED";
            case FAILED -> "TERMINATED";
        };
    }

    /** The agreement's proposer: the reseller for a sale through a channel partner, else the seller. */
    static String proposer(Agreement agreement, Product product) {
        return agreement.resellerAccountId() != null ? agreement.resellerAccountId() : product.sellerAccountId();
    }

    static ObjectNode describe(Agreement agreement, Product product) {
        ObjectNode out = JSON.createObjectNode();
        out.put("agreementId", agreement.id());
        out.put("agreementType", "PurchaseAgreement");
        out.putObject("acceptor").put("accountId", agreement.buyerAccountId());
        out.putObject("proposer").put("accountId", proposer(agreement, product));
        out.put("acceptanceTime", epochSeconds(agreement.createdAt()));
        out.put("startTime", epochSeconds(agreement.createdAt()));
        Instant end = endTime(agreement);
        if (end != null) {
            out.put("endTime", epochSeconds(end));
        }
        out.put("status", status(agreement.status()));
        ObjectNode proposal = out.putObject("proposalSummary");
        proposal.put("offerId", agreement.offerId());
        ObjectNode resource = proposal.putArray("resources").addObject();
        resource.put("id", product.productId());
        resource.put("type", "SaaSProduct");
        ObjectNode charges = out.putObject("estimatedCharges");
        charges.put("currencyCode", "USD");
        charges.put("agreementValue", "0");
        return out;
    }

    /**
     * When it ends: the cancellation for a cancelled agreement, the latest entitlement expiration for a
     * contract, none for pay-as-you-go (as AWS documents).
     */
    static Instant endTime(Agreement agreement) {
        if (agreement.cancelledAt() != null) {
            return agreement.cancelledAt();
        }
        return agreement.entitlements().stream()
                .map(EntitlementGrant::expiration)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    /** Accepted terms: the EULA, a free trial (free-trial offers), the contract's units, usage pricing. */
    static List<ObjectNode> acceptedTerms(Agreement agreement, Product product) {
        List<ObjectNode> terms = new ArrayList<>();
        ObjectNode legal = JSON.createObjectNode();
        ObjectNode legalTerm = legal.putObject("legalTerm");
        legalTerm.put("type", "LegalTerm");
        ObjectNode eula = legalTerm.putArray("documents").addObject();
        eula.put("type", "StandardEula");
        eula.put("version", "2022-07-14");
        terms.add(legal);
        if (agreement.freeTrial()) {
            terms.add(freeTrial(product));
        }
        if (!agreement.entitlements().isEmpty()) {
            terms.add(contract(agreement));
        }
        List<Dimension> metered =
                product.dimensions().stream().filter(Dimension::metered).toList();
        if (!metered.isEmpty()) {
            terms.add(usageBased(metered));
        }
        return terms;
    }

    private static ObjectNode freeTrial(Product product) {
        ObjectNode term = JSON.createObjectNode();
        ObjectNode trial = term.putObject("freeTrialPricingTerm");
        trial.put("type", "FreeTrialPricingTerm");
        trial.put("duration", FREE_TRIAL_DURATION);
        ArrayNode grants = trial.putArray("grants");
        product.dimensions().forEach(d -> grants.addObject().put("dimensionKey", d.key()));
        return term;
    }

    private static ObjectNode contract(Agreement agreement) {
        ObjectNode term = JSON.createObjectNode();
        ObjectNode upfront = term.putObject("configurableUpfrontPricingTerm");
        upfront.put("type", "ConfigurableUpfrontPricingTerm");
        upfront.put("currencyCode", "USD");
        ObjectNode configuration = upfront.putObject("configuration");
        configuration.put("selectorValue", "P12M");
        ArrayNode dimensions = configuration.putArray("dimensions");
        for (EntitlementGrant grant : agreement.entitlements()) {
            ObjectNode dimension = dimensions.addObject();
            dimension.put("dimensionKey", grant.dimension());
            // Units bought: the integer quantity; a flag or tier entitlement counts as one unit.
            int units = grant.value() instanceof Integer bought ? bought : 1;
            dimension.put("dimensionValue", units);
        }
        return term;
    }

    private static ObjectNode usageBased(List<Dimension> metered) {
        ObjectNode term = JSON.createObjectNode();
        ObjectNode usage = term.putObject("usageBasedPricingTerm");
        usage.put("type", "UsageBasedPricingTerm");
        usage.put("currencyCode", "USD");
        ArrayNode rateCard = usage.putArray("rateCards").addObject().putArray("rateCard");
        metered.forEach(d -> {
            ObjectNode rate = rateCard.addObject();
            rate.put("dimensionKey", d.key());
            rate.put("price", "0.01");
        });
        return term;
    }

    /** awsJson timestamps: epoch seconds with milliseconds. */
    static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    }
}
