package io.marketgate.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A stand-in for Marketgate's API on a loopback port: records every request, answers scripted replies first, then
 * per-path defaults (every usage event accepted; access allowed).
 */
final class FakeMarketgate implements AutoCloseable {

    record Recorded(String method, String rawPath, Map<String, List<String>> headers, String body) {
        String header(String name) {
            for (var entry : headers.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue().get(0);
                }
            }
            return null;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events() {
            return (List<Map<String, Object>>) ((Map<String, Object>) Json.read(body)).get("events");
        }
    }

    /** A reply; {@code status} 0 means: drop the connection without answering. */
    record Reply(int status, Map<String, String> headers, String body) {
        static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body);
        }

        static Reply dropConnection() {
            return new Reply(0, Map.of(), "");
        }
    }

    private final HttpServer server;
    private final List<Recorded> requests = new ArrayList<>();
    private final Deque<Reply> scripted = new ArrayDeque<>();
    private Function<Recorded, Reply> accessReply = request ->
            Reply.json(200, "{\"allowed\":true,\"reason\":\"subscribed\",\"state\":\"active\",\"entitlements\":[]}");

    FakeMarketgate() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized void script(Reply... replies) {
        scripted.addAll(List.of(replies));
    }

    synchronized void answerAccess(Function<Recorded, Reply> reply) {
        this.accessReply = reply;
    }

    synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Recorded recorded = new Recorded(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    new LinkedHashMap<>(exchange.getRequestHeaders()),
                    body);
            Reply reply;
            synchronized (this) {
                requests.add(recorded);
                reply = scripted.isEmpty() ? defaultReply(recorded) : scripted.poll();
            }
            if (reply.status() == 0) {
                return; // closing without a status line: the client sees an I/O error
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private Reply defaultReply(Recorded request) {
        if (request.method().equals("POST") && request.rawPath().equals("/v1/usage")) {
            List<Object> results = new ArrayList<>();
            for (Map<String, Object> event : request.events()) {
                results.add(Map.of("id", event.get("id"), "status", "accepted"));
            }
            return Reply.json(200, Json.write(Map.of("results", results)));
        }
        if (request.method().equals("GET") && request.rawPath().endsWith("/access")) {
            return accessReply.apply(request);
        }
        return Reply.json(404, "{\"title\":\"Not Found\",\"status\":404}");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
