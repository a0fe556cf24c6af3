package io.marketgate.server.webhook.web;

import io.marketgate.server.security.RequiresScope;
import io.marketgate.server.security.Scope;
import io.marketgate.server.shared.InvalidInputException;
import io.marketgate.server.webhook.WebhookAttempt;
import io.marketgate.server.webhook.WebhookDelivery;
import io.marketgate.server.webhook.WebhookEndpoint;
import io.marketgate.server.webhook.Webhooks;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/webhooks}: the seller's endpoints, their deliveries, replays and test events. */
@RestController
@RequiresScope(Scope.WEBHOOKS_MANAGE)
@RequestMapping(path = "/v1/webhooks", produces = "application/json")
class WebhookController {

    static final int MAX_PAGE = 200;

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    record EndpointRequest(String url, List<String> events, Boolean enabled) {}

    record RotateRequest(Long overlapSeconds) {}

    record ReplayRequest(Instant from, Instant to) {}

    @PostMapping(consumes = "application/json")
    ResponseEntity<Map<String, Object>> create(@RequestBody EndpointRequest request) {
        Webhooks.Created created = webhooks.create(request.url(), request.events());
        Map<String, Object> body = view(created.endpoint());
        body.put("secret", created.secret());
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    @GetMapping
    Map<String, Object> list() {
        return Map.of(
                "webhooks",
                webhooks.list().stream().map(WebhookController::view).toList());
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return view(webhooks.get(id));
    }

    @PatchMapping(path = "/{id}", consumes = "application/json")
    Map<String, Object> update(@PathVariable String id, @RequestBody EndpointRequest request) {
        return view(webhooks.update(id, request.url(), request.events(), request.enabled()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        webhooks.delete(id);
    }

    @PostMapping("/{id}/rotate-secret")
    Map<String, Object> rotate(@PathVariable String id, @RequestBody(required = false) RotateRequest request) {
        Duration overlap = request == null || request.overlapSeconds() == null
                ? null
                : Duration.ofSeconds(request.overlapSeconds());
        Webhooks.Created rotated = webhooks.rotateSecret(id, overlap);
        Map<String, Object> body = view(rotated.endpoint());
        body.put("secret", rotated.secret());
        return body;
    }

    @GetMapping("/{id}/deliveries")
    Map<String, Object> deliveries(
            @PathVariable String id,
            @RequestParam(name = "before", defaultValue = "0") long before,
            @RequestParam(name = "limit", defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw InvalidInputException.of("limit", "must be between 1 and " + MAX_PAGE);
        }
        List<WebhookDelivery> page = webhooks.deliveries(id, before, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveries", page);
        body.put("next", page.size() == limit ? page.getLast().id() : null);
        return body;
    }

    @GetMapping("/{id}/deliveries/{deliveryId}/attempts")
    Map<String, List<WebhookAttempt>> attempts(@PathVariable String id, @PathVariable long deliveryId) {
        return Map.of("attempts", webhooks.attempts(id, deliveryId));
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Long> replay(@PathVariable String id, @PathVariable long deliveryId) {
        return Map.of("deliveryId", webhooks.replay(id, deliveryId));
    }

    @PostMapping(path = "/{id}/replay", consumes = "application/json")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Integer> replayRange(@PathVariable String id, @RequestBody ReplayRequest request) {
        return Map.of("replayed", webhooks.replayRange(id, request.from(), request.to()));
    }

    @PostMapping("/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Long> test(@PathVariable String id) {
        return Map.of("deliveryId", webhooks.sendTest(id));
    }

    static Map<String, Object> view(WebhookEndpoint endpoint) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", endpoint.id());
        body.put("url", endpoint.url());
        body.put("events", endpoint.eventTypes());
        body.put("enabled", endpoint.enabled());
        body.put("disabledReason", endpoint.disabledReason());
        body.put("previousSecretUntil", endpoint.previousSecretUntil());
        body.put("createdAt", endpoint.createdAt());
        body.put("updatedAt", endpoint.updatedAt());
        return body;
    }
}
