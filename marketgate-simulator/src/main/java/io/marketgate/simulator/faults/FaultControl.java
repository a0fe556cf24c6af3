package io.marketgate.simulator.faults;

import io.marketgate.simulator.http.JsonSyntax;
import io.marketgate.simulator.http.Router;
import io.marketgate.simulator.http.SimRequest;
import io.marketgate.simulator.http.SimResponse;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Control API for faults: {@code PUT /_sim/faults/{operation}} with a JSON {@link FaultSpec} (missing fields
 * are 0/false), {@code GET /_sim/faults}, {@code DELETE /_sim/faults} and {@code DELETE /_sim/faults/{operation}}.
 */
public final class FaultControl {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Faults faults;

    public FaultControl(Faults faults) {
        this.faults = faults;
    }

    public void register(Router router) {
        router.put("/_sim/faults/{operation}", this::put);
        router.get("/_sim/faults", request -> json(200, JSON.valueToTree(faults.all())));
        router.delete("/_sim/faults", request -> {
            faults.clear();
            return noContent();
        });
        router.delete("/_sim/faults/{operation}", request -> {
            faults.remove(request.pathParam("operation"));
            return noContent();
        });
    }

    private SimResponse put(SimRequest request) {
        try {
            JsonNode body = JSON.readTree(request.body());
            if (body == null || !body.isObject()) {
                return problem("request body must be a JSON object such as {\"throttlePercent\": 20}");
            }
            FaultSpec spec = new FaultSpec(
                    number(body, "throttlePercent"),
                    number(body, "errorPercent"),
                    number(body, "timeoutPercent"),
                    millis(body, "timeoutMs"),
                    bool(body, "timeoutAfterProcessing"),
                    millis(body, "latencyMs"),
                    number(body, "unprocessedPercent"),
                    bool(body, "disabled"));
            faults.put(request.pathParam("operation"), spec);
            return json(200, JSON.valueToTree(spec));
        } catch (JacksonException e) {
            return problem(JsonSyntax.problem("request body is not valid JSON", e));
        } catch (IllegalArgumentException e) {
            return problem(e.getMessage());
        }
    }

    private static double number(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return value.asDouble();
    }

    private static long millis(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(field + " must be a whole number of milliseconds");
        }
        return value.longValue();
    }

    private static boolean bool(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(field + " must be true or false");
        }
        return value.booleanValue();
    }

    private static SimResponse problem(String message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("error", message);
        return json(400, node);
    }

    private static SimResponse json(int status, JsonNode node) {
        return SimResponse.of(status, "application/json", JSON.writeValueAsBytes(node));
    }

    private static SimResponse noContent() {
        return new SimResponse(204, Map.of(), new byte[0]);
    }
}
