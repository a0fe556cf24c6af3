package io.marketgate.simulator;

import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.Dimension;
import io.marketgate.simulator.state.EntitlementGrant;
import io.marketgate.simulator.state.IdentityMode;
import io.marketgate.simulator.state.PricingModel;
import io.marketgate.simulator.state.Product;
import io.marketgate.simulator.state.SubscribeOptions;
import java.time.Instant;
import java.util.List;

/** Products and agreements set up directly in a simulator's state, for tests. */
public final class ContractFixtures {

    public static final String SELLER_ACCOUNT = "111122223333";
    /** Every contract in the fixtures ends here (whole seconds, so timestamps compare exactly). */
    public static final Instant CONTRACT_END = Instant.parse("2027-06-30T00:00:00Z");

    private ContractFixtures() {}

    public static Product contractProduct(Simulator sim, String code, IdentityMode mode) {
        return sim.state()
                .putProduct(new Product(
                        code,
                        "Product " + code,
                        SELLER_ACCOUNT,
                        mode,
                        PricingModel.CONTRACT,
                        List.of(
                                new Dimension("seats", "Seats", false), new Dimension("storage_tb", "Storage", false),
                                new Dimension("sso", "SSO", false), new Dimension("tier", "Tier", false)),
                        "https://seller.example/fulfil",
                        null,
                        null));
    }

    public static Product subscriptionProduct(Simulator sim, String code) {
        return sim.state()
                .putProduct(new Product(
                        code,
                        "Product " + code,
                        SELLER_ACCOUNT,
                        IdentityMode.LEGACY,
                        PricingModel.SUBSCRIPTION,
                        List.of(new Dimension("requests", "Requests", true)),
                        "https://seller.example/fulfil",
                        null,
                        null));
    }

    /** One grant of each value type: Integer, Double, Boolean and String. */
    public static List<EntitlementGrant> allValueTypes(int seats) {
        return List.of(
                new EntitlementGrant("seats", seats, CONTRACT_END),
                new EntitlementGrant("storage_tb", 2.5, CONTRACT_END),
                new EntitlementGrant("sso", true, CONTRACT_END),
                new EntitlementGrant("tier", "gold", CONTRACT_END));
    }

    /** An active contract bought directly from the seller. */
    public static Agreement directContract(
            Simulator sim, String productCode, String buyer, List<EntitlementGrant> grants) {
        return sim.state()
                .subscribe(productCode, buyer, new SubscribeOptions(null, null, null, grants, true))
                .agreement();
    }

    /** An active contract bought through a reseller (a channel-partner private offer). */
    public static Agreement resoldContract(
            Simulator sim, String productCode, String buyer, String reseller, List<EntitlementGrant> grants) {
        return sim.state()
                .subscribe(productCode, buyer, new SubscribeOptions(null, "offer-cppo0000001", reseller, grants, true))
                .agreement();
    }
}
