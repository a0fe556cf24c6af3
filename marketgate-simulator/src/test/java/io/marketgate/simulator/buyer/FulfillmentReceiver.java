package io.marketgate.simulator.buyer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.marketgate.simulator.http.FormData;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A seller's fulfillment endpoint on loopback that records each request it receives. */
final class FulfillmentReceiver implements AutoCloseable {

    record Received(String method, String contentType, String query, Map<String, String> form) {}

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    FulfillmentReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/fulfillment", this::handle);
        server.start();
    }

    /**
     * The URL the product posts to. It names the host {@code localhost} while the simulator is
     * {@code 127.0.0.1}, so the browser treats the POST as cross-site, as it is on AWS.
     */
    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/fulfillment";
    }

    Received next() throws InterruptedException {
        Received request = received.poll(30, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("the fulfillment endpoint received nothing within 30 s");
        }
        return request;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestURI().getRawQuery(),
                    FormData.parse(body)));
            byte[] page = ("<!DOCTYPE html><html><body style=\"font-family:sans-serif;margin:40px\">"
                            + "<h1>Seller registration</h1><p>The registration token arrived by form POST.</p></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
