package io.marketgate.simulator.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the simulator's handlers see it: fully read, headers with lower-case names.
 *
 * @param remoteAddress the caller's address, for loopback checks
 * @param pathParams values captured by {@code {name}} segments of the matched route
 */
public record SimRequest(
        String method,
        URI uri,
        Map<String, List<String>> headers,
        byte[] body,
        String remoteAddress,
        Map<String, String> pathParams) {

    public SimRequest withPathParams(Map<String, String> params) {
        return new SimRequest(method, uri, headers, body, remoteAddress, Map.copyOf(params));
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    /** Decoded query parameters (first value wins). */
    public Map<String, String> query() {
        return FormData.parse(uri.getRawQuery());
    }

    /** Decoded {@code application/x-www-form-urlencoded} body (first value wins). */
    public Map<String, String> form() {
        return FormData.parse(bodyText());
    }

    public String path() {
        return uri.getRawPath();
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The value of {@code X-Amz-Target}, or empty. */
    public String amzTarget() {
        return header("x-amz-target").orElse("");
    }
}
