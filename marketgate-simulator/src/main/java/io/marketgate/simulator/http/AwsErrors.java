package io.marketgate.simulator.http;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Errors as AWS's awsJson 1.1 services send them: HTTP status, {@code {"__type": name, "message": ...}}
 * and the error name also in {@code x-amzn-ErrorType}.
 */
public final class AwsErrors {

    public static final String AWS_JSON = "application/x-amz-json-1.1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AwsErrors() {}

    public static SimResponse json(int status, String type, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", type);
        body.put("message", message);
        return SimResponse.of(status, AWS_JSON, JSON.writeValueAsBytes(body)).withHeader("x-amzn-ErrorType", type);
    }

    /** A 400 client error, the status AWS uses for every Marketplace exception except internal errors. */
    public static SimResponse client(String type, String message) {
        return json(400, type, message);
    }
}
