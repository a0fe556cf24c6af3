package io.marketgate.simulator.control;

import io.marketgate.simulator.http.Router;
import io.marketgate.simulator.state.SimState;

/**
 * The simulator's control API under {@code /_sim}: JSON endpoints that set up products, buyers and
 * agreements, drive lifecycles and move the clock. It has no authentication; it is for local use only,
 * which is why the simulator binds to loopback unless told otherwise.
 */
public final class ControlApi {

    private final SimState state;

    public ControlApi(SimState state) {
        this.state = state;
    }

    public void register(Router router) {
        new ProductEndpoints(state).register(router);
        new BuyerEndpoints(state).register(router);
        new AgreementEndpoints(state).register(router);
        new ClockEndpoints(state.clock()).register(router);
        new DemoEndpoint(state).register(router);
    }
}
