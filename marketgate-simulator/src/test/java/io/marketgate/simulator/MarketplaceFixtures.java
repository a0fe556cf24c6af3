package io.marketgate.simulator;

import io.marketgate.simulator.state.Dimension;
import io.marketgate.simulator.state.IdentityMode;
import io.marketgate.simulator.state.PricingModel;
import io.marketgate.simulator.state.Product;
import io.marketgate.simulator.state.SimState;
import io.marketgate.simulator.state.SubscribeOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Products, buyers and agreements for tests, created directly in the simulator's state. */
public final class MarketplaceFixtures {

    /** The simulator's default account: dummy access keys act as this seller. */
    public static final String SELLER = SimulatorConfig.DEFAULT_ACCOUNT_ID;

    public static final String OTHER_ACCOUNT = "444455556666";
    /** A Sunday mid-month, so neither the month-end rule nor midnight interferes unless a test moves the clock. */
    public static final Instant NOW = Instant.parse("2026-03-15T10:20:00Z");

    private MarketplaceFixtures() {}

    /** A started simulator on a free port whose clock stands at {@link #NOW}. */
    public static Simulator.Builder simulator(long seed) {
        return Simulator.builder().port(0).seed(seed).clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A pay-as-you-go product of {@link #SELLER} with metered dimension {@code users} and contract-only {@code plan}. */
    public static Product product(SimState state, String code, IdentityMode mode) {
        return state.putProduct(new Product(
                code,
                "Product " + code,
                SELLER,
                mode,
                PricingModel.SUBSCRIPTION,
                List.of(new Dimension("users", "Active users", true), new Dimension("plan", "Plan", false)),
                "http://127.0.0.1/fulfillment",
                null,
                null));
    }

    /** The buyer subscribes and payment succeeds at once. */
    public static SimState.Subscription subscribe(SimState state, String productCode, String buyerAccountId) {
        return state.subscribe(productCode, buyerAccountId, SubscribeOptions.standard());
    }

    /** The buyer subscribes; the agreement stays pending (no subscribe-success yet). */
    public static SimState.Subscription subscribePending(SimState state, String productCode, String buyerAccountId) {
        return state.subscribe(productCode, buyerAccountId, new SubscribeOptions(null, null, null, List.of(), false));
    }
}
