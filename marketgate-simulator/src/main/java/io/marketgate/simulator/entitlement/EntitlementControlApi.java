package io.marketgate.simulator.entitlement;

import io.marketgate.simulator.http.AwsErrors;
import io.marketgate.simulator.http.JsonSyntax;
import io.marketgate.simulator.http.Router;
import io.marketgate.simulator.http.SimRequest;
import io.marketgate.simulator.http.SimResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET/PUT /_sim/entitlements}: how GetEntitlements pages. Body {@code {"emptyPageEvery": 2}}
 * makes every second page empty but with a NextToken; {@code 0} turns it off.
 */
public final class EntitlementControlApi {

    public static final String PATH = "/_sim/entitlements";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final EntitlementPaging paging;

    public EntitlementControlApi(EntitlementPaging paging) {
        this.paging = paging;
    }

    public void register(Router router) {
        router.get(PATH, request -> settings());
        router.put(PATH, this::update);
    }

    private SimResponse update(SimRequest request) {
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (JacksonException e) {
            return AwsErrors.json(400, "ValidationError", JsonSyntax.problem("body is not valid JSON", e));
        }
        JsonNode every = body == null ? null : body.get("emptyPageEvery");
        if (every == null || !every.isIntegralNumber() || !every.canConvertToInt()) {
            return AwsErrors.json(400, "ValidationError", "emptyPageEvery must be an integer (0 = off, or >= 2)");
        }
        try {
            paging.emptyPageEvery(every.intValue());
        } catch (IllegalArgumentException e) {
            return AwsErrors.json(400, "ValidationError", e.getMessage());
        }
        return settings();
    }

    private SimResponse settings() {
        ObjectNode body = JSON.createObjectNode().put("emptyPageEvery", paging.emptyPageEvery());
        return SimResponse.of(200, "application/json", JSON.writeValueAsBytes(body));
    }
}
