package io.marketgate.server.webhook.web;

import io.marketgate.server.product.Catalog;
import io.marketgate.server.shared.MarketgateException;
import io.marketgate.server.webhook.EventTypes;
import io.marketgate.server.webhook.Webhooks;
import io.marketgate.webhooks.WebhookSecret;
import io.marketgate.webhooks.WebhookVerification;
import io.marketgate.webhooks.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's stand-in for a seller's app: a webhook endpoint subscribed to every event, which verifies each
 * message as a seller's app would and keeps the last ones for the page {@code /demo/webhooks.html}. Exists
 * only in the zero-configuration demo; its secret is rotated at every start, because secrets are stored
 * encrypted and shown once.
 */
@RestController
class DemoWebhookReceiver {

    private static final Logger log = LoggerFactory.getLogger(DemoWebhookReceiver.class);
    static final String PATH = "/demo/webhooks/receive";
    private static final int KEPT = 50;

    private final Webhooks webhooks;
    private final Catalog catalog;
    private final Clock clock;
    private final Deque<Map<String, Object>> received = new ArrayDeque<>();
    private volatile WebhookVerifier verifier;

    DemoWebhookReceiver(Webhooks webhooks, Catalog catalog, Clock clock) {
        this.webhooks = webhooks;
        this.catalog = catalog;
        this.clock = clock;
    }

    @EventListener
    void subscribe(WebServerInitializedEvent started) {
        if (!catalog.isDemo() || started.getApplicationContext().getServerNamespace() != null) {
            return;
        }
        String url = "http://localhost:" + started.getWebServer().getPort() + PATH;
        Webhooks.Created endpoint = webhooks.list().stream()
                .filter(existing -> existing.url().endsWith(PATH))
                .findFirst()
                .map(existing -> {
                    webhooks.update(existing.id(), url, List.of(EventTypes.ALL), true);
                    return webhooks.rotateSecret(existing.id(), java.time.Duration.ZERO);
                })
                .orElseGet(() -> webhooks.create(url, List.of(EventTypes.ALL)));
        verifier = WebhookVerifier.builder()
                .secret(WebhookSecret.parse(endpoint.secret()))
                .clock(clock)
                .build();
        log.info(
                "Demo: webhooks are delivered to the built-in receiver; see them at http://localhost:{}/demo/webhooks.html",
                started.getWebServer().getPort());
    }

    @PostMapping(PATH)
    ResponseEntity<Void> receive(
            @RequestHeader(name = "webhook-id", required = false) String id,
            @RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
            @RequestHeader(name = "webhook-signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        WebhookVerifier current = requireDemo();
        byte[] bytes = body == null ? new byte[0] : body;
        WebhookVerification verification = current.verify(id, timestamp, signature, bytes);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("receivedAt", Instant.now(clock).toString());
        entry.put("webhookId", id);
        entry.put("verified", verification.isVerified());
        entry.put("verification", verification.toString());
        entry.put("body", new String(bytes, StandardCharsets.UTF_8));
        synchronized (received) {
            received.addFirst(entry);
            while (received.size() > KEPT) {
                received.removeLast();
            }
        }
        return ResponseEntity.status(verification.isVerified() ? HttpStatus.NO_CONTENT : HttpStatus.UNAUTHORIZED)
                .build();
    }

    @GetMapping(path = "/demo/webhooks/received", produces = "application/json")
    Map<String, Object> list() {
        requireDemo();
        synchronized (received) {
            return Map.of("received", List.copyOf(received));
        }
    }

    private WebhookVerifier requireDemo() {
        WebhookVerifier current = verifier;
        if (!catalog.isDemo() || current == null) {
            throw MarketgateException.notFound("The demo webhook receiver exists only in the demo.");
        }
        return current;
    }
}
