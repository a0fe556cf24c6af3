package io.marketgate.webhooks.assertion;

/** Thrown by {@link AssertionVerification#orThrow()} for a rejected assertion; {@link #failure()} says why. */
public final class RegistrationAssertionException extends RuntimeException {

    private final AssertionVerification.Failure failure;

    public RegistrationAssertionException(AssertionVerification.Failure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public AssertionVerification.Failure failure() {
        return failure;
    }
}
