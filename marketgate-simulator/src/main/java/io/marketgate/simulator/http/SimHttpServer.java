package io.marketgate.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The simulator's single HTTP port, on the JDK's built-in server (no dependency, starts in milliseconds). */
public final class SimHttpServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SimHttpServer.class.getName());

    private final HttpServer server;
    private final ExecutorService executor;
    private final Router router;
    private final LocalOriginGuard guard;

    public SimHttpServer(InetSocketAddress address, Router router) throws IOException {
        this.router = router;
        this.guard = new LocalOriginGuard(address.getAddress().isLoopbackAddress());
        this.server = HttpServer.create(address, 128);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            Optional<SimRequest> request = read(exchange);
            write(exchange, request.isPresent() ? dispatch(request.get()) : BodyLimit.tooLarge(exchange));
        } catch (IOException e) {
            LOG.log(Level.FINE, "client went away", e);
        }
    }

    private SimResponse dispatch(SimRequest request) {
        // One check for every state-changing control and buyer request, before any handler sees it.
        Optional<SimResponse> refused = guard.refusal(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            var match = router.match(request);
            if (match.isEmpty()) {
                return notFound(request);
            }
            return match.get().handler().handle(match.get().request());
        } catch (MalformedRequest e) {
            return ErrorAnswers.of(request.path(), 400, "SerializationException", e.getMessage());
        } catch (Exception | StackOverflowError e) {
            LOG.log(Level.WARNING, "handler failed for " + request.method() + " " + request.path(), e);
            // The details go to the log only: an answer never names the exception (it says nothing to the caller).
            return AwsErrors.json(
                    500, "InternalFailure", "The simulator failed to handle the request; its log has the details");
        }
    }

    private static SimResponse notFound(SimRequest request) {
        if (!request.amzTarget().isEmpty()) {
            return AwsErrors.json(400, "UnknownOperationException", "Unknown operation " + request.amzTarget());
        }
        return AwsErrors.json(404, "NotFound", "No simulator endpoint for " + request.method() + " " + request.path());
    }

    /** The whole request, or empty when its body is over {@link BodyLimit#MAX_BYTES} (nothing more is read). */
    private static Optional<SimRequest> read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        Optional<byte[]> body =
                BodyLimit.read(exchange.getRequestHeaders().getFirst("Content-Length"), exchange.getRequestBody());
        if (body.isEmpty()) {
            return Optional.empty();
        }
        String remote = exchange.getRemoteAddress().getAddress().getHostAddress();
        return Optional.of(new SimRequest(
                exchange.getRequestMethod(), exchange.getRequestURI(), headers, body.get(), remote, Map.of()));
    }

    private static void write(HttpExchange exchange, SimResponse response) throws IOException {
        if (response.dropsConnection()) {
            return; // closing an exchange before its headers are sent closes the connection unanswered
        }
        response.headers()
                .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (!exchange.getResponseHeaders().containsKey("x-amzn-RequestId")) {
            exchange.getResponseHeaders()
                    .set("x-amzn-RequestId", UUID.randomUUID().toString());
        }
        byte[] body = response.body() == null ? new byte[0] : response.body();
        boolean noBody = "HEAD".equals(exchange.getRequestMethod()) || response.status() == 204;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
