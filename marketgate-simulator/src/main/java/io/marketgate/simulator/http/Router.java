package io.marketgate.simulator.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Dispatches requests to handlers. AWS JSON operations are routed by {@code X-Amz-Target}; pages, the
 * control API and the CBOR protocol by method and path, where a {@code {name}} segment captures a value.
 */
public final class Router {

    private final List<Route> routes = new ArrayList<>();

    /** An awsJson 1.1 operation, e.g. {@code AWSMPMeteringService.BatchMeterUsage}, posted to {@code /}. */
    public Router awsJson(String target, SimHandler handler) {
        routes.add(new Route(r -> "POST".equals(r.method()) && target.equals(r.amzTarget()), null, handler));
        return this;
    }

    /** A request recognised by a predicate (e.g. the STS query protocol). */
    public Router when(Predicate<SimRequest> predicate, SimHandler handler) {
        routes.add(new Route(predicate, null, handler));
        return this;
    }

    public Router get(String pattern, SimHandler handler) {
        return route("GET", pattern, handler);
    }

    public Router post(String pattern, SimHandler handler) {
        return route("POST", pattern, handler);
    }

    public Router put(String pattern, SimHandler handler) {
        return route("PUT", pattern, handler);
    }

    public Router delete(String pattern, SimHandler handler) {
        return route("DELETE", pattern, handler);
    }

    public Router route(String method, String pattern, SimHandler handler) {
        String[] segments = segments(pattern);
        routes.add(new Route(r -> method.equals(r.method()), segments, handler));
        return this;
    }

    /** The first matching route's handler, with the request's path parameters filled in. */
    public Optional<Match> match(SimRequest request) {
        String[] actual = segments(request.path());
        for (Route route : routes) {
            if (!route.predicate().test(request)) {
                continue;
            }
            if (route.pattern() == null) {
                return Optional.of(new Match(route.handler(), request));
            }
            Map<String, String> params = capture(route.pattern(), actual);
            if (params != null) {
                return Optional.of(new Match(route.handler(), request.withPathParams(params)));
            }
        }
        return Optional.empty();
    }

    public record Match(SimHandler handler, SimRequest request) {}

    private record Route(Predicate<SimRequest> predicate, String[] pattern, SimHandler handler) {}

    private static Map<String, String> capture(String[] pattern, String[] actual) {
        if (pattern.length != actual.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String expected = pattern[i];
            if (expected.startsWith("{") && expected.endsWith("}")) {
                params.put(expected.substring(1, expected.length() - 1), decodeSegment(actual[i]));
            } else if (!expected.equals(actual[i])) {
                return null;
            }
        }
        return params;
    }

    private static String decodeSegment(String raw) {
        try {
            return java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequest("malformed percent-encoding in the path segment '" + raw + "'");
        }
    }

    private static String[] segments(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }
}
