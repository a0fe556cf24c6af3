package io.marketgate.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps the client's records to and from the JSON of {@code /v1/usage} and {@code /v1/customers/{id}/access}. */
final class ApiJson {

    private ApiJson() {}

    static Map<String, Object> request(List<UsageEvent> events) {
        List<Object> list = new ArrayList<>(events.size());
        for (UsageEvent event : events) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", event.id());
            json.put("customer", event.customer());
            json.put("dimension", event.dimension());
            json.put("quantity", event.quantity());
            json.put("timestamp", event.timestamp());
            if (!event.allocations().isEmpty()) {
                List<Object> allocations = new ArrayList<>();
                for (UsageEvent.Allocation allocation : event.allocations()) {
                    allocations.add(Map.of("quantity", allocation.quantity(), "tags", allocation.tags()));
                }
                json.put("allocations", allocations);
            }
            list.add(json);
        }
        return Map.of("events", list);
    }

    /** The results of one batch, checked to answer exactly the events sent, in order. */
    static List<UsageResult> results(List<UsageEvent> sent, Object answer) {
        if (!(answer instanceof Map<?, ?> body) || !(body.get("results") instanceof List<?> results)) {
            throw unexpected("POST /v1/usage answered without a results list");
        }
        if (results.size() != sent.size()) {
            throw unexpected("POST /v1/usage answered " + results.size() + " results for " + sent.size() + " events");
        }
        List<UsageResult> mapped = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            if (!(results.get(i) instanceof Map<?, ?> result)
                    || !sent.get(i).id().equals(result.get("id"))
                    || !(result.get("status") instanceof String status)) {
                throw unexpected("POST /v1/usage result " + i + " does not answer event "
                        + sent.get(i).id());
            }
            try {
                mapped.add(new UsageResult(
                        sent.get(i).id(), UsageResult.Status.fromWire(status), text(result.get("reason"))));
            } catch (IllegalArgumentException e) {
                throw unexpected("POST /v1/usage result " + i + ": " + e.getMessage());
            }
        }
        return mapped;
    }

    @SuppressWarnings("unchecked")
    static Access access(Object answer) {
        if (!(answer instanceof Map<?, ?> body) || !(body.get("allowed") instanceof Boolean allowed)) {
            throw unexpected("GET /v1/customers/{id}/access answered without a boolean 'allowed'");
        }
        List<Map<String, Object>> entitlements = new ArrayList<>();
        if (body.get("entitlements") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> entitlement) {
                    entitlements.add((Map<String, Object>) entitlement);
                }
            }
        }
        return new Access(allowed, text(body.get("reason")), text(body.get("state")), entitlements);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static MarketgateException unexpected(String message) {
        return new MarketgateException(message, 200, false, null);
    }
}
