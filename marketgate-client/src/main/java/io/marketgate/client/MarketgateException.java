package io.marketgate.client;

/**
 * A call to Marketgate failed: an error answer (its HTTP status and problem details) or, after the retries ran out,
 * an I/O failure or a 5xx/429.
 *
 * <p>Reporting usage again after this exception is safe: events Marketgate already stored come back as
 * {@code duplicate}.
 */
public class MarketgateException extends RuntimeException {

    private final int status;
    private final boolean retryable;

    public MarketgateException(String message, int status, boolean retryable, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryable = retryable;
    }

    /** The HTTP status of the last answer, or 0 when none was received. */
    public int status() {
        return status;
    }

    /** Whether trying again later may succeed (I/O failure, 429 or 5xx), as opposed to a request to fix. */
    public boolean retryable() {
        return retryable;
    }
}
