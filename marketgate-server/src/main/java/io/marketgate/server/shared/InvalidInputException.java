package io.marketgate.server.shared;

import java.util.List;

/** Input that breaks one or more rules; each {@link FieldError} names the field and what is wrong with it. */
public class InvalidInputException extends MarketgateException {

    private final List<FieldError> errors;

    public InvalidInputException(String message, List<FieldError> errors) {
        super(ErrorCategory.INVALID_INPUT, message);
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(
                "The request has an invalid field: " + field + ".", List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One broken rule: {@code field} is a path such as {@code events[2].quantity}. */
    public record FieldError(String field, String message) {}
}
