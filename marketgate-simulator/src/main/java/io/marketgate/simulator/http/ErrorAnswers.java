package io.marketgate.simulator.http;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Errors raised before a handler runs (a body too large, a malformed encoding), in the format of the part of
 * the port the request went to: an HTML page under {@code /buyer}, {@code {"error": ...}} under {@code /_sim},
 * and an awsJson error elsewhere.
 */
final class ErrorAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorAnswers() {}

    static SimResponse of(String rawPath, int status, String awsType, String message) {
        String path = rawPath == null ? "" : rawPath.replaceAll("^/+", "");
        if (path.startsWith("buyer")) {
            return SimResponse.html(
                            status,
                            "<!doctype html><title>Refused</title><h1>" + status + " " + title(status) + "</h1><p>"
                                    + escapeHtml(message) + "</p>")
                    .withHeader("Cache-Control", "no-store");
        }
        if (path.startsWith("_sim")) {
            ObjectNode body = JSON.createObjectNode();
            body.put("error", message);
            return SimResponse.of(status, "application/json", JSON.writeValueAsBytes(body));
        }
        return AwsErrors.json(status, awsType, message);
    }

    private static String title(int status) {
        return status == 413 ? "Request too large" : "Bad request";
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
