package io.marketgate.simulator.control;

import io.marketgate.simulator.http.Router;
import io.marketgate.simulator.http.SimRequest;
import io.marketgate.simulator.http.SimResponse;
import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.SimState;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /_sim/agreements}: subscribe buyers, then drive each agreement through its lifecycle (payment
 * succeeds or fails, cancel, cancellation completes, contract changes) and mint registration tokens.
 * Transitions are not guarded, so tests can also replay out-of-order lifecycles.
 */
final class AgreementEndpoints {

    private final SimState state;

    AgreementEndpoints(SimState state) {
        this.state = state;
    }

    void register(Router router) {
        router.post("/_sim/agreements", JsonEndpoint.of(this::subscribe));
        router.get("/_sim/agreements", JsonEndpoint.of(this::list));
        router.get("/_sim/agreements/{id}", JsonEndpoint.of(r -> JsonEndpoint.ok(ControlViews.agreement(require(r)))));
        transition(router, "succeed", state::succeed);
        transition(router, "fail", state::fail);
        transition(router, "cancel", state::cancel);
        transition(router, "complete-cancel", state::completeCancel);
        router.post("/_sim/agreements/{id}/token", JsonEndpoint.of(this::newToken));
        router.put("/_sim/agreements/{id}/entitlements", JsonEndpoint.of(this::changeEntitlements));
    }

    private SimResponse subscribe(SimRequest request) {
        SubscribeRequest subscribe = SubscribeRequest.parse(JsonEndpoint.objectBody(request), state);
        SimState.Subscription subscription =
                state.subscribe(subscribe.productCode(), subscribe.buyerAccountId(), subscribe.options());
        ObjectNode body = JsonEndpoint.JSON.createObjectNode();
        body.set("agreement", ControlViews.agreement(subscription.agreement()));
        body.set("registrationToken", ControlViews.token(subscription.token()));
        return JsonEndpoint.created(body);
    }

    private SimResponse list(SimRequest request) {
        Map<String, String> query = request.query();
        String product = query.get("productCode");
        String buyer = query.get("buyerAccountId");
        String status = query.get("status");
        List<Agreement> matching = state.agreements().stream()
                .filter(a -> product == null || a.productCode().equals(product))
                .filter(a -> buyer == null || a.buyerAccountId().equals(buyer))
                .filter(a -> status == null || ControlViews.status(a.status()).equals(status))
                .toList();
        return JsonEndpoint.ok(ControlViews.list(matching, ControlViews::agreement));
    }

    private void transition(Router router, String action, Function<String, Agreement> change) {
        router.post(
                "/_sim/agreements/{id}/" + action,
                JsonEndpoint.of(r -> JsonEndpoint.ok(
                        ControlViews.agreement(change.apply(require(r).id())))));
    }

    /** A fresh registration token, as when the buyer clicks "Set up your account" again. */
    private SimResponse newToken(SimRequest request) {
        return JsonEndpoint.created(
                ControlViews.token(state.issueToken(require(request).id())));
    }

    private SimResponse changeEntitlements(SimRequest request) {
        Agreement agreement = require(request);
        JsonNode body = JsonEndpoint.objectBody(request);
        JsonNode entitlements = body.get("entitlements");
        if (entitlements == null || entitlements.isNull()) {
            throw new InvalidField("entitlements", "entitlements is required (an empty array removes them all)");
        }
        var grants =
                EntitlementRequest.parse(entitlements, state.requireProduct(agreement.productCode()), "entitlements");
        return JsonEndpoint.ok(ControlViews.agreement(state.changeEntitlements(agreement.id(), grants)));
    }

    private Agreement require(SimRequest request) {
        String id = request.pathParam("id");
        return state.agreement(id).orElseThrow(() -> new UnknownId("id", "no agreement " + id));
    }
}
