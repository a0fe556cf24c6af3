package io.marketgate.server.aws.sdk;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake AWS endpoint at the wire: answers every call with one fixed JSON body and remembers each request's
 * body and Content-Length, for the fields the simulator does not (yet) send or check.
 */
final class WireFake implements AutoCloseable {

    /** One request as it arrived. */
    record Received(String target, String body, String contentLength) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private WireFake(int status, String answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                received.add(new Received(
                        exchange.getRequestHeaders().getFirst("X-Amz-Target"),
                        new String(body, StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("Content-Length")));
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.start();
    }

    static WireFake answering(String json) {
        try {
            return new WireFake(200, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
