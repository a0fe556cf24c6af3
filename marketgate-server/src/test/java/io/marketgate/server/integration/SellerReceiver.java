package io.marketgate.server.integration;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The seller's webhook receiver on loopback: keeps every request's headers and raw bytes, answers 204. */
final class SellerReceiver implements AutoCloseable {

    /** One request as it arrived: headers by lower-case name, the body's exact bytes. */
    record Received(Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.getFirst();
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    SellerReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/marketgate/webhooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
            received.add(new Received(headers, body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/marketgate/webhooks";
    }

    /** What arrived so far whose body mentions {@code text} (e.g. a customer id), in arrival order. */
    List<Received> mentioning(String text) {
        return received.stream().filter(r -> r.text().contains(text)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
