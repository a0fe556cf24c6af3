package io.marketgate.simulator.control;

import io.marketgate.simulator.http.JsonSyntax;
import io.marketgate.simulator.http.SimHandler;
import io.marketgate.simulator.http.SimRequest;
import io.marketgate.simulator.http.SimResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON in and out of the control API. Wraps handlers so that {@link InvalidField} becomes a 400 and
 * {@link UnknownId} a 404, both as {@code {"error": message, "field": path}}.
 */
final class JsonEndpoint {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CONTENT_TYPE = "application/json";

    private JsonEndpoint() {}

    /** A handler whose expected errors are answered as JSON instead of thrown. */
    static SimHandler of(SimHandler handler) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (InvalidField e) {
                return error(400, e.getMessage(), e.field());
            } catch (UnknownId e) {
                return error(404, e.getMessage(), e.field());
            }
        };
    }

    static SimResponse ok(JsonNode body) {
        return respond(200, body);
    }

    static SimResponse created(JsonNode body) {
        return respond(201, body);
    }

    static SimResponse respond(int status, JsonNode body) {
        return SimResponse.of(status, CONTENT_TYPE, JSON.writeValueAsBytes(body))
                .withHeader("Cache-Control", "no-store");
    }

    static SimResponse error(int status, String message, String field) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        return respond(status, body);
    }

    /** The request body as a JSON object; an empty body counts as {@code {}}. */
    static JsonNode objectBody(SimRequest request) {
        if (request.body().length == 0 || request.bodyText().isBlank()) {
            return JSON.createObjectNode();
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.bodyText());
        } catch (JacksonException e) {
            throw new InvalidField(null, JsonSyntax.problem("request body is not valid JSON", e));
        }
        if (body == null || !body.isObject()) {
            throw new InvalidField(null, "request body must be a JSON object");
        }
        return body;
    }
}
