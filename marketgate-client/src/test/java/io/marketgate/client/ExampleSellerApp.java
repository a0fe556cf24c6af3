package io.marketgate.client;

import com.sun.net.httpserver.HttpServer;
import io.marketgate.webhooks.WebhookVerification.Rejected;
import io.marketgate.webhooks.WebhookVerification.Verified;
import io.marketgate.webhooks.assertion.AssertionVerification;
import io.marketgate.webhooks.assertion.AssertionVerification.Accepted;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The integration shown in the client's README, as a seller's application would write it (on a loopback port here,
 * and with what it received kept for the test to look at).
 */
final class ExampleSellerApp implements AutoCloseable {

    final List<String> welcomed = new CopyOnWriteArrayList<>();
    final List<String> webhooks = new CopyOnWriteArrayList<>();
    private final HttpServer app;

    ExampleSellerApp(MarketgateClient marketgate) throws IOException {
        app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // The buyer's browser arrives here from Marketgate's registration page: /welcome?assertion=...
        app.createContext("/welcome", exchange -> {
            String token = exchange.getRequestURI().getRawQuery().replaceFirst("^assertion=", "");
            int status =
                    switch (marketgate.verifyRegistration(token)) {
                        case Accepted ok -> {
                            welcomed.add(ok.assertion().registration().customerId()); // link tenant, sign in
                            yield 204;
                        }
                        case AssertionVerification.Rejected no -> 403; // expired, replayed or forged
                    };
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        // Marketgate's webhooks arrive here.
        app.createContext("/marketgate/webhooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status =
                    switch (marketgate.verifyWebhook(exchange.getRequestHeaders(), body)) {
                        case Verified ok -> {
                            webhooks.add(ok.webhookId() + " " + new String(body, StandardCharsets.UTF_8));
                            yield 204;
                        }
                        case Rejected no -> 401;
                    };
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        app.start();
    }

    /** What the application does when a customer uses the product. */
    static boolean serve(MarketgateClient marketgate, String customer, String requestId) {
        if (!marketgate.access(customer).allowed()) {
            return false;
        }
        marketgate.reportUsage(new UsageEvent(requestId, customer, "requests", 1, Instant.now()));
        return true;
    }

    int port() {
        return app.getAddress().getPort();
    }

    @Override
    public void close() {
        app.stop(0);
    }
}
