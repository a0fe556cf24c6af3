package io.marketgate.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete HTTP response; handlers build it, the router writes it. */
public record SimResponse(int status, Map<String, String> headers, byte[] body) {

    private static final int DROP_CONNECTION = -1;

    public static SimResponse of(int status, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return new SimResponse(status, headers, body);
    }

    public static SimResponse text(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public static SimResponse html(int status, String html) {
        return text(status, "text/html; charset=utf-8", html);
    }

    /** No answer at all: the connection is closed without a status line (a simulated timeout or crash). */
    public static SimResponse dropConnection() {
        return new SimResponse(DROP_CONNECTION, Map.of(), new byte[0]);
    }

    public boolean dropsConnection() {
        return status == DROP_CONNECTION;
    }

    public SimResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SimResponse(status, copy, body);
    }
}
