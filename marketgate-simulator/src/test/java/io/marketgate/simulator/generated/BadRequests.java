package io.marketgate.simulator.generated;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates requests that are wrong by construction, from a seed: each starts from a valid request to one
 * endpoint and breaks at least one thing (a field's type, range or presence, the body's shape, the path's
 * id), sometimes with an odd Content-Type on top. The same seed gives the same requests.
 */
final class BadRequests {

    /** Marks a field left out of the body: as a valid value, optional and absent; as an invalid one, required. */
    static final String MISSING = "<missing>";

    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";

    /** One generated request; {@code description} says what was broken, for failure messages. */
    record Request(String method, String path, String contentType, byte[] body, String description) {}

    /** A field: its valid value (a JSON or form-encoded snippet, or MISSING) and values that make it wrong. */
    record Field(String name, String valid, List<String> invalid) {}

    /**
     * An endpoint: the path may hold one {@code {id}} filled with {@code validId}, or with a bad id to break it.
     *
     * @param form whether the body is a form ({@code name=value&...}) instead of a JSON object
     */
    record Target(String method, String path, String validId, boolean form, List<Field> fields) {}

    private static final List<String> WRONG_JSON_SHAPES = List.of(
            "[]",
            "[{}]",
            "\"text\"",
            "42",
            "null",
            "true",
            "{",
            "{\"a\": 1,}",
            "{\"a\" 1}",
            "}{",
            "{\"a\": 1}{\"b\": 2}",
            "{'single': 'quotes'}",
            "NaN",
            "[".repeat(3000),
            "{\"a\":".repeat(3000),
            "<xml/>",
            "a=b&c=d");

    private static final List<String> WRONG_FORMS =
            List.of("%ZZ", "productCode=%", "%E0%A4%A", "=&=&==", "productCode", "{\"productCode\": \"x\"}");

    /**
     * Ids that name nothing. A path that is not a valid URI (a stray {@code %}) is left out: the JDK's HTTP
     * server refuses that request line itself (400) before the simulator sees it.
     */
    private static final List<String> BAD_IDS = List.of(
            "nope",
            "%25ZZ",
            "%00",
            "..",
            "%2E%2E",
            "%2F",
            "x".repeat(3000),
            "%E2%80%AE",
            "agmt-%C0%AF",
            "000000000000");

    private static final List<String> ODD_CONTENT_TYPES = List.of(
            "",
            "text/plain",
            "application/xml",
            "multipart/form-data; boundary=xyz",
            "application/json; charset=utf-16",
            "application/x-www-form-urlencoded",
            "application/cbor",
            "application/" + "x".repeat(2000));

    private final Random random;

    BadRequests(long seed) {
        this.random = new Random(seed);
    }

    List<Request> generate(List<Target> targets, int count) {
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(next(targets.get(random.nextInt(targets.size()))));
        }
        return requests;
    }

    private Request next(Target target) {
        String id = target.validId();
        String contentType = target.form() ? FORM : JSON;
        List<String> broken = new ArrayList<>();
        boolean hasFields = !target.fields().isEmpty();
        int kind = random.nextInt(10);
        String body;
        if (!hasFields || (target.validId() != null && kind == 9)) {
            // Endpoints without a body are broken through their id only.
            body = hasFields ? body(target, valid(target)) : "";
            id = pick(BAD_IDS);
            broken.add("id " + abbreviate(id));
        } else if (kind < 7) {
            body = body(target, breakFields(target, broken));
        } else {
            body = pick(target.form() ? WRONG_FORMS : WRONG_JSON_SHAPES);
            broken.add("body " + abbreviate(body));
        }
        if (random.nextInt(4) == 0) {
            contentType = pick(ODD_CONTENT_TYPES);
            broken.add("Content-Type '" + abbreviate(contentType) + "'");
        }
        String path = id == null ? target.path() : target.path().replace("{id}", id);
        return new Request(
                target.method(),
                path,
                contentType,
                body.getBytes(StandardCharsets.UTF_8),
                target.method() + " " + abbreviate(path) + ": " + String.join(", ", broken));
    }

    /** The valid values with one to three fields broken. */
    private Map<String, String> breakFields(Target target, List<String> broken) {
        Map<String, String> values = valid(target);
        List<Field> candidates = new ArrayList<>(
                target.fields().stream().filter(f -> !f.invalid().isEmpty()).toList());
        int howMany = 1 + random.nextInt(Math.min(3, candidates.size()));
        for (int i = 0; i < howMany; i++) {
            Field field = candidates.remove(random.nextInt(candidates.size()));
            String value = pick(field.invalid());
            values.put(field.name(), value);
            broken.add(field.name() + "=" + abbreviate(value));
        }
        return values;
    }

    private static Map<String, String> valid(Target target) {
        Map<String, String> values = new LinkedHashMap<>();
        target.fields().forEach(f -> values.put(f.name(), f.valid()));
        return values;
    }

    private static String body(Target target, Map<String, String> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((name, value) -> {
            if (!MISSING.equals(value)) {
                parts.add(target.form() ? name + "=" + value : "\"" + name + "\": " + value);
            }
        });
        return target.form() ? String.join("&", parts) : "{" + String.join(", ", parts) + "}";
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 40) + "…(" + value.length() + " chars)";
    }
}
