package io.marketgate.server.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake at the wire between a client and a server (the SDK and the simulator, or a seller's application and
 * Marketgate): forwards every request unchanged and remembers each call's operation and signing region, which
 * the simulator does not log for STS and Entitlement; on request it loses an answer, as a crash would.
 */
public final class RecordingProxy implements AutoCloseable {

    /** One AWS call as it crossed the wire. */
    public record Call(String operation, String region, String body) {}

    private static final Set<String> NOT_FORWARDED =
            Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");
    private static final Pattern SCOPE_REGION = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/");
    private static final Pattern FORM_ACTION = Pattern.compile("(?:^|&)Action=([^&]+)");

    private final URI target;
    private final HttpServer server;
    private final HttpClient forwarder = HttpClient.newHttpClient();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicReference<Runnable> loseNext = new AtomicReference<>();

    private RecordingProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.start();
    }

    public static RecordingProxy to(URI target) {
        try {
            return new RecordingProxy(target);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port for the proxy", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public long count(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).count();
    }

    /**
     * The next answer is not passed on: once it has arrived, {@code first} runs (e.g. kills the server that gave
     * it), then the caller's connection is closed unanswered.
     */
    public void loseNextAnswer(Runnable first) {
        loseNext.set(first);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            calls.add(new Call(operation(exchange, body), region(exchange), new String(body, StandardCharsets.UTF_8)));
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            target.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = forwarder.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Runnable lose = loseNext.getAndSet(null);
            if (lose != null) {
                lose.run();
                return; // closing the exchange before its headers are sent closes the connection unanswered
            }
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code X-Amz-Target} for JSON protocols, the form's {@code Action} for STS's query protocol. */
    private static String operation(HttpExchange exchange, byte[] body) {
        String amzTarget = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (amzTarget != null) {
            return amzTarget.substring(amzTarget.indexOf('.') + 1);
        }
        Matcher action = FORM_ACTION.matcher(new String(body, StandardCharsets.UTF_8));
        return action.find()
                ? URLDecoder.decode(action.group(1), StandardCharsets.UTF_8)
                : exchange.getRequestURI().getPath();
    }

    private static String region(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher scope = SCOPE_REGION.matcher(authorization == null ? "" : authorization);
        return scope.find() ? scope.group(1) : null;
    }

    @Override
    public void close() {
        server.stop(0);
        forwarder.close();
    }
}
