package io.marketgate.simulator.control;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Typed reads of request fields; each failure names the field's path. */
final class JsonFields {

    static final Pattern ACCOUNT_ID = Pattern.compile("^[0-9]{12}$");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private JsonFields() {}

    /** The string at {@code name}, or null when absent or JSON null. */
    static String optionalText(JsonNode object, String name, String path) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidField(path, path + " must be a string");
        }
        return value.stringValue();
    }

    static String requiredText(JsonNode object, String name, String path) {
        String value = optionalText(object, name, path);
        if (value == null || value.isBlank()) {
            throw new InvalidField(path, path + " is required");
        }
        return value;
    }

    static Boolean optionalBoolean(JsonNode object, String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new InvalidField(name, name + " must be true or false");
        }
        return value.booleanValue();
    }

    static Long optionalLong(JsonNode object, String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidField(name, name + " must be a whole number");
        }
        return value.longValue();
    }

    static Instant optionalInstant(JsonNode object, String name, String path) {
        String text = optionalText(object, name, path);
        if (text == null) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidField(path, path + " must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
        return requireSupported(instant, path);
    }

    /** Instants from 1970 to the end of 9999: what every wire format the simulator speaks can carry. */
    static Instant requireSupported(Instant instant, String path) {
        if (instant.isBefore(Instant.EPOCH) || instant.isAfter(LATEST)) {
            throw new InvalidField(path, path + " must lie between 1970-01-01T00:00:00Z and " + LATEST);
        }
        return instant;
    }

    /** A 12-digit AWS account id, or null when absent. */
    static String optionalAccountId(JsonNode object, String name, String path) {
        String value = optionalText(object, name, path);
        if (value != null) {
            requireAccountId(value, path);
        }
        return value;
    }

    static String requireAccountId(String value, String path) {
        if (!ACCOUNT_ID.matcher(value).matches()) {
            throw new InvalidField(path, path + " must be a 12-digit AWS account id");
        }
        return value;
    }
}
