package io.marketgate.server.shared;

/**
 * A failure that ends a request with a problem response of one {@link ErrorCategory}. The message is
 * shown to API clients, so it must be safe to show and say what to change.
 *
 * <p>Expected business outcomes (a duplicate usage event, a locked metering region) are return values,
 * not exceptions; this type is for requests that cannot be served.
 */
public class MarketgateException extends RuntimeException {

    private final ErrorCategory category;

    public MarketgateException(ErrorCategory category, String message) {
        this(category, message, null);
    }

    public MarketgateException(ErrorCategory category, String message, Throwable cause) {
        super(message, cause);
        if (category == null) {
            throw new IllegalArgumentException("category is required");
        }
        this.category = category;
    }

    public static MarketgateException notFound(String message) {
        return new MarketgateException(ErrorCategory.NOT_FOUND, message);
    }

    public static MarketgateException conflict(String message) {
        return new MarketgateException(ErrorCategory.CONFLICT, message);
    }

    public static MarketgateException unauthorized(String message) {
        return new MarketgateException(ErrorCategory.UNAUTHORIZED, message);
    }

    public ErrorCategory category() {
        return category;
    }
}
