package io.marketgate.simulator.entitlement;

/**
 * One of the three errors GetEntitlements declares. Thrown while a request is validated and answered,
 * caught in one place ({@link EntitlementApi}) and written in the caller's protocol.
 */
public final class EntitlementApiError extends RuntimeException {

    /** The modelled errors with the HTTP status AWS uses for each. */
    public enum Type {
        INVALID_PARAMETER("InvalidParameterException", 400),
        THROTTLING("ThrottlingException", 400),
        INTERNAL_SERVICE_ERROR("InternalServiceErrorException", 500);

        private final String wireName;
        private final int status;

        Type(String wireName, int status) {
            this.wireName = wireName;
            this.status = status;
        }

        /** The error's name as awsJson's {@code __type} carries it. */
        public String wireName() {
            return wireName;
        }

        public int status() {
            return status;
        }
    }

    private final Type type;

    public EntitlementApiError(Type type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    public static EntitlementApiError invalidParameter(String message) {
        return new EntitlementApiError(Type.INVALID_PARAMETER, message);
    }

    public Type type() {
        return type;
    }
}
