package io.marketgate.simulator.metering;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects model constraint violations, worded like AWS's request validation ("Value ... at 'field' ..."). */
final class Violations {

    private final List<String> messages = new ArrayList<>();

    void notNull(String field) {
        messages.add("Value null at '" + field + "' failed to satisfy constraint: Member must not be null");
    }

    void length(String field, String value, int min, int max) {
        if (value.length() < min) {
            add(field, value, "Member must have length greater than or equal to " + min);
        } else if (value.length() > max) {
            add(field, value, "Member must have length less than or equal to " + max);
        }
    }

    void pattern(String field, String value, Pattern pattern) {
        if (!pattern.matcher(value).matches()) {
            add(field, value, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
    }

    void range(String field, long value, long min, long max) {
        if (value < min) {
            add(field, Long.toString(value), "Member must have value greater than or equal to " + min);
        } else if (value > max) {
            add(field, Long.toString(value), "Member must have value less than or equal to " + max);
        }
    }

    void listSize(String field, int size, int max) {
        if (size > max) {
            messages.add("Value at '" + field + "' failed to satisfy constraint: Member must have length less than"
                    + " or equal to " + max);
        }
    }

    void custom(String message) {
        messages.add(message);
    }

    void throwIfAny() {
        if (!messages.isEmpty()) {
            throw MeteringException.validation(messages);
        }
    }

    private void add(String field, String value, String constraint) {
        messages.add("Value '" + value + "' at '" + field + "' failed to satisfy constraint: " + constraint);
    }
}
