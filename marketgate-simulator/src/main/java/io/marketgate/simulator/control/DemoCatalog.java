package io.marketgate.simulator.control;

import io.marketgate.simulator.state.Dimension;
import io.marketgate.simulator.state.IdentityMode;
import io.marketgate.simulator.state.PricingModel;
import io.marketgate.simulator.state.Product;
import io.marketgate.simulator.state.SimState;
import java.util.List;

/**
 * A ready-made catalogue for trying things out: a pay-as-you-go product, a contract with consumption,
 * and two buyers. Both products use {@code license} identity, mandatory for listings since June 2026,
 * and point their fulfillment URLs at a Marketgate server on its default port.
 */
public final class DemoCatalog {

    public static final String DEMO_PRODUCT = "demo-product";
    public static final String DEMO_CONTRACT = "demo-contract";
    public static final String SELLER_ACCOUNT = "111122223333";
    public static final String DEFAULT_FULFILLMENT_BASE = "http://localhost:8080/marketplace/fulfillment/";

    private DemoCatalog() {}

    /**
     * Creates (or replaces) the demo products and buyers.
     *
     * @param fulfillmentBase where the seller's fulfillment endpoints live; each product's code is appended
     */
    public static List<Product> seed(SimState state, String fulfillmentBase) {
        String base = fulfillmentBase.endsWith("/") ? fulfillmentBase : fulfillmentBase + "/";
        Product payAsYouGo = state.putProduct(new Product(
                DEMO_PRODUCT,
                "Demo Product (pay as you go)",
                SELLER_ACCOUNT,
                IdentityMode.LICENSE,
                PricingModel.SUBSCRIPTION,
                List.of(
                        new Dimension("api_calls", "API calls", true),
                        new Dimension("storage_gb_hours", "Storage (GB-hours)", true)),
                base + DEMO_PRODUCT,
                "marketgate-notifications",
                "marketgate-events"));
        Product contract = state.putProduct(new Product(
                DEMO_CONTRACT,
                "Demo Contract (seats and overage)",
                SELLER_ACCOUNT,
                IdentityMode.LICENSE,
                PricingModel.CONTRACT_WITH_CONSUMPTION,
                List.of(
                        new Dimension("seats", "Named user seats", false),
                        new Dimension("premium_support", "Premium support", false),
                        new Dimension("extra_api_calls", "API calls beyond the contract", true)),
                base + DEMO_CONTRACT,
                "marketgate-notifications",
                "marketgate-events"));
        BuyerAccounts.open(state, "222233334444", "Demo Buyer One");
        BuyerAccounts.open(state, "333344445555", "Demo Buyer Two");
        return List.of(payAsYouGo, contract);
    }
}
