package io.marketgate.simulator.control;

import io.marketgate.simulator.http.Router;
import io.marketgate.simulator.http.SimRequest;
import io.marketgate.simulator.http.SimResponse;
import io.marketgate.simulator.state.Product;
import io.marketgate.simulator.state.SimState;

/** {@code /_sim/products}: list, read, and create or replace products. */
final class ProductEndpoints {

    private final SimState state;

    ProductEndpoints(SimState state) {
        this.state = state;
    }

    void register(Router router) {
        router.post("/_sim/products", JsonEndpoint.of(this::put));
        router.get(
                "/_sim/products",
                JsonEndpoint.of(r -> JsonEndpoint.ok(ControlViews.list(state.products(), ControlViews::product))));
        router.get("/_sim/products/{code}", JsonEndpoint.of(this::get));
    }

    private SimResponse put(SimRequest request) {
        Product product = ProductRequest.parse(
                JsonEndpoint.objectBody(request), () -> state.ids().accountId());
        boolean replaced = state.product(product.code()).isPresent();
        state.putProduct(product);
        return replaced
                ? JsonEndpoint.ok(ControlViews.product(product))
                : JsonEndpoint.created(ControlViews.product(product));
    }

    private SimResponse get(SimRequest request) {
        return JsonEndpoint.ok(ControlViews.product(require(state, request.pathParam("code"), "code")));
    }

    static Product require(SimState state, String code, String field) {
        return state.product(code).orElseThrow(() -> new UnknownId(field, "no product " + code));
    }
}
