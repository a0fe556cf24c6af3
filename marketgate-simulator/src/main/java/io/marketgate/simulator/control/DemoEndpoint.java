package io.marketgate.simulator.control;

import io.marketgate.simulator.http.Router;
import io.marketgate.simulator.http.SimRequest;
import io.marketgate.simulator.http.SimResponse;
import io.marketgate.simulator.state.SimState;
import java.net.URI;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /_sim/demo}: seeds the {@link DemoCatalog}, optionally at another fulfillment base URL. */
final class DemoEndpoint {

    private final SimState state;

    DemoEndpoint(SimState state) {
        this.state = state;
    }

    void register(Router router) {
        router.post("/_sim/demo", JsonEndpoint.of(this::seed));
    }

    private SimResponse seed(SimRequest request) {
        JsonNode body = JsonEndpoint.objectBody(request);
        String base = JsonFields.optionalText(body, "fulfillmentBaseUrl", "fulfillmentBaseUrl");
        if (base != null && !isHttpUrl(base)) {
            throw new InvalidField("fulfillmentBaseUrl", "fulfillmentBaseUrl must be an absolute http or https URL");
        }
        var products = DemoCatalog.seed(state, base != null ? base : DemoCatalog.DEFAULT_FULFILLMENT_BASE);
        ObjectNode answer = JsonEndpoint.JSON.createObjectNode();
        answer.set("products", ControlViews.list(products, ControlViews::product));
        answer.set("buyers", ControlViews.list(state.buyers(), ControlViews::buyer));
        return JsonEndpoint.ok(answer);
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
