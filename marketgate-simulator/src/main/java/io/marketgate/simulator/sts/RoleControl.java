package io.marketgate.simulator.sts;

import io.marketgate.simulator.http.JsonSyntax;
import io.marketgate.simulator.http.Router;
import io.marketgate.simulator.http.SimRequest;
import io.marketgate.simulator.http.SimResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Control API for the roles STS lets callers assume: {@code POST /_sim/roles} with
 * {@code {"roleArn": "...", "externalId": "..."}} (externalId optional), {@code GET} and {@code DELETE /_sim/roles}.
 */
public final class RoleControl {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String APPLICATION_JSON = "application/json";

    private final StsRoles roles;

    public RoleControl(StsRoles roles) {
        this.roles = roles;
    }

    public void register(Router router) {
        router.post("/_sim/roles", this::registerRole);
        router.get("/_sim/roles", request -> json(200, list()));
        router.delete("/_sim/roles", request -> {
            roles.clearRoles();
            return new SimResponse(204, java.util.Map.of(), new byte[0]);
        });
    }

    private SimResponse registerRole(SimRequest request) {
        try {
            JsonNode body = JSON.readTree(request.body());
            if (body == null || !body.isObject()) {
                return problem(
                        "request body must be a JSON object: {\"roleArn\": \"arn:aws:iam::123456789012:role/name\"}");
            }
            RegisteredRole role = roles.register(new RegisteredRole(text(body, "roleArn"), text(body, "externalId")));
            return json(201, describe(role));
        } catch (JacksonException e) {
            return problem(JsonSyntax.problem("request body is not valid JSON", e));
        } catch (IllegalArgumentException e) {
            return problem(e.getMessage());
        }
    }

    private ArrayNode list() {
        ArrayNode array = JSON.createArrayNode();
        roles.roles().forEach(role -> array.add(describe(role)));
        return array;
    }

    private static ObjectNode describe(RegisteredRole role) {
        ObjectNode node = JSON.createObjectNode();
        node.put("roleArn", role.roleArn());
        node.put("accountId", role.accountId());
        node.put("externalId", role.externalId());
        return node;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return value.stringValue();
    }

    private static SimResponse problem(String message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("error", message);
        return json(400, node);
    }

    private static SimResponse json(int status, JsonNode node) {
        return SimResponse.of(status, APPLICATION_JSON, JSON.writeValueAsBytes(node));
    }
}
