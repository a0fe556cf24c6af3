package io.marketgate.server.metering.web;

import io.marketgate.server.metering.UsageIngest;
import io.marketgate.server.metering.UsageInput;
import io.marketgate.server.shared.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads usage events from {@code {"events": [...]}} or NDJSON (one event object per line). A body that is not
 * JSON at all is a 400; an event of the wrong shape becomes that event's rejection, so it cannot sink the others.
 */
final class UsageJson {

    // Numbers with a fraction or exponent are read as exact decimals: 1e400 is a quantity too large, not infinity.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** A number the parser refuses even as a decimal (an exponent beyond its limits, e.g. 1e99999999999). */
    private static final String OUT_OF_RANGE =
            "a number in it is far beyond any quantity AWS takes (at most 2147483647)";

    private UsageJson() {}

    static List<UsageInput> fromEnvelope(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw InvalidInputException.of("body", "not valid JSON: expected {\"events\": [...]}");
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("body", OUT_OF_RANGE);
        }
        JsonNode events = root == null ? null : root.get("events");
        if (events == null || !events.isArray()) {
            throw InvalidInputException.of("events", "required: an array of usage events");
        }
        checkCount(events.size());
        List<UsageInput> inputs = new ArrayList<>(events.size());
        events.forEach(event -> inputs.add(event(event)));
        return inputs;
    }

    static List<UsageInput> fromNdjson(String body) {
        List<UsageInput> inputs = new ArrayList<>();
        String[] lines = body.split("\r?\n");
        int count = 0;
        for (String line : lines) {
            if (!line.isBlank()) {
                count++;
            }
        }
        checkCount(count);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                inputs.add(event(JSON.readTree(lines[i])));
            } catch (JacksonException e) {
                inputs.add(new UsageInput(
                        null, null, null, null, null, List.of(), "line " + (i + 1) + ": not valid JSON"));
            } catch (NumberFormatException e) {
                inputs.add(new UsageInput(
                        null, null, null, null, null, List.of(), "line " + (i + 1) + ": " + OUT_OF_RANGE));
            }
        }
        return inputs;
    }

    private static void checkCount(int count) {
        if (count == 0) {
            throw InvalidInputException.of("events", "at least one usage event is required");
        }
        if (count > UsageIngest.MAX_EVENTS) {
            throw InvalidInputException.of(
                    "events", "at most " + UsageIngest.MAX_EVENTS + " events per request, got " + count);
        }
    }

    private static UsageInput event(JsonNode event) {
        if (event == null || !event.isObject()) {
            return new UsageInput(null, null, null, null, null, List.of(), "event: must be a JSON object");
        }
        String id = text(event, "id");
        List<String> problems = new ArrayList<>();
        for (String field : List.of("id", "customer", "dimension", "timestamp")) {
            JsonNode value = event.get(field);
            if (value != null && !value.isNull() && !value.isString()) {
                problems.add(field + ": must be a string");
            }
        }
        BigDecimal quantity = number(event.get("quantity"), "quantity", problems);
        List<UsageInput.Allocation> allocations = new ArrayList<>();
        JsonNode list = event.get("allocations");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                problems.add("allocations: must be an array of {tags, quantity}");
            } else {
                for (int i = 0; i < list.size(); i++) {
                    allocations.add(allocation(list.get(i), "allocations[" + i + "]", problems));
                }
            }
        }
        return new UsageInput(
                id,
                text(event, "customer"),
                text(event, "dimension"),
                quantity,
                text(event, "timestamp"),
                allocations,
                problems.isEmpty() ? null : String.join("; ", problems));
    }

    private static UsageInput.Allocation allocation(JsonNode node, String field, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add(field + ": must be an object {tags, quantity}");
            return new UsageInput.Allocation(Map.of(), BigDecimal.ZERO);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode tagNode = node.get("tags");
        if (tagNode == null || !tagNode.isObject()) {
            problems.add(field + ".tags: must be an object of tag key to value");
        } else {
            for (var entry : tagNode.properties()) {
                if (!entry.getValue().isString()) {
                    problems.add(field + ".tags." + entry.getKey() + ": must be a string");
                } else {
                    tags.put(entry.getKey(), entry.getValue().stringValue());
                }
            }
        }
        return new UsageInput.Allocation(tags, number(node.get("quantity"), field + ".quantity", problems));
    }

    private static BigDecimal number(JsonNode node, String field, List<String> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            problems.add(field + ": must be a number");
            return null;
        }
        return node.decimalValue();
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
