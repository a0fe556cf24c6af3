package io.marketgate.server.entitlement.web;

import io.marketgate.server.security.RequiresScope;
import io.marketgate.server.security.Scope;
import io.marketgate.server.shared.InvalidInputException;
import io.marketgate.server.webhook.Outbox;
import io.marketgate.server.webhook.OutboxEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /v1/events?after=&limit=}: the outbox, in sequence order, for sellers who poll. */
@RestController
@RequiresScope(Scope.CUSTOMERS_READ)
class EventsController {

    private static final int MAX_LIMIT = 1000;

    private final Outbox outbox;
    private final JsonMapper json = JsonMapper.builder().build();

    EventsController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping(path = "/v1/events", produces = "application/json")
    Map<String, Object> events(
            @RequestParam(required = false, defaultValue = "0") String after,
            @RequestParam(required = false, defaultValue = "100") String limit) {
        long afterSequence = number("after", after, 0, Long.MAX_VALUE);
        int size = (int) number("limit", limit, 1, MAX_LIMIT);
        List<OutboxEvent> events = outbox.list(afterSequence, null, size);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("events", events.stream().map(this::event).toList());
        page.put(
                "next",
                events.isEmpty() ? afterSequence : events.get(events.size() - 1).sequence());
        return page;
    }

    private Map<String, Object> event(OutboxEvent event) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("sequence", event.sequence());
        map.put("id", event.id());
        map.put("type", event.type());
        map.put("customerId", event.customerId());
        map.put("occurredAt", event.occurredAt().toString());
        map.put("data", json.readValue(event.payload(), JsonNode.class));
        return map;
    }

    private static long number(String field, String value, long min, long max) {
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidInputException.of(field, "an integer from " + min + " to " + max);
    }
}
