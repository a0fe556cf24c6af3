package io.marketgate.webhooks;

/** Thrown by {@link WebhookVerification#orThrow()} for a rejected message; {@link #failure()} says why. */
public final class WebhookVerificationException extends RuntimeException {

    private final WebhookVerification.Failure failure;

    public WebhookVerificationException(WebhookVerification.Failure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public WebhookVerification.Failure failure() {
        return failure;
    }
}
