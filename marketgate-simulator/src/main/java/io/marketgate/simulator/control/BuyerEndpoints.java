package io.marketgate.simulator.control;

import io.marketgate.simulator.http.Router;
import io.marketgate.simulator.http.SimRequest;
import io.marketgate.simulator.http.SimResponse;
import io.marketgate.simulator.state.Buyer;
import io.marketgate.simulator.state.SimState;
import tools.jackson.databind.JsonNode;

/** {@code /_sim/buyers}: buyer AWS accounts, and suspending them (metering then fails CustomerNotSubscribed). */
final class BuyerEndpoints {

    private final SimState state;

    BuyerEndpoints(SimState state) {
        this.state = state;
    }

    void register(Router router) {
        router.post("/_sim/buyers", JsonEndpoint.of(this::create));
        router.get(
                "/_sim/buyers",
                JsonEndpoint.of(r -> JsonEndpoint.ok(ControlViews.list(state.buyers(), ControlViews::buyer))));
        router.get("/_sim/buyers/{accountId}", JsonEndpoint.of(r -> JsonEndpoint.ok(ControlViews.buyer(require(r)))));
        router.post("/_sim/buyers/{accountId}/suspend", JsonEndpoint.of(r -> suspend(r, true)));
        router.post("/_sim/buyers/{accountId}/unsuspend", JsonEndpoint.of(r -> suspend(r, false)));
    }

    private SimResponse create(SimRequest request) {
        JsonNode body = JsonEndpoint.objectBody(request);
        String accountId = JsonFields.optionalAccountId(body, "accountId", "accountId");
        String name = JsonFields.optionalText(body, "name", "name");
        boolean existed = accountId != null && state.findBuyer(accountId).isPresent();
        Buyer buyer = BuyerAccounts.open(state, accountId, name);
        return existed ? JsonEndpoint.ok(ControlViews.buyer(buyer)) : JsonEndpoint.created(ControlViews.buyer(buyer));
    }

    private SimResponse suspend(SimRequest request, boolean suspended) {
        Buyer buyer = require(request);
        return JsonEndpoint.ok(ControlViews.buyer(state.setSuspended(buyer.accountId(), suspended)));
    }

    private Buyer require(SimRequest request) {
        String accountId = request.pathParam("accountId");
        return state.findBuyer(accountId).orElseThrow(() -> new UnknownId("accountId", "no buyer " + accountId));
    }
}
