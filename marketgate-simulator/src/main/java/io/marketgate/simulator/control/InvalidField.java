package io.marketgate.simulator.control;

/**
 * Bad input to the control API or the buyer pages: answered with 400 and a message naming the field
 * (e.g. {@code dimensions[0].key}), so a caller sees at once what to fix.
 */
public final class InvalidField extends RuntimeException {

    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending field's path in the request, or null when the request as a whole is wrong. */
    public String field() {
        return field;
    }
}
