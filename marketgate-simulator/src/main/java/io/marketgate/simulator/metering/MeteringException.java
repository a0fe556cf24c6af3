package io.marketgate.simulator.metering;

import io.marketgate.simulator.http.AwsErrors;
import io.marketgate.simulator.http.SimResponse;
import java.util.List;

/**
 * A whole-call failure of a Metering operation, carried out of the validation code and rendered as the
 * awsJson error AWS sends ({@code __type}, HTTP status, message).
 */
final class MeteringException extends RuntimeException {

    private final int status;
    private final String type;

    MeteringException(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    static MeteringException client(String type, String message) {
        return new MeteringException(400, type, message);
    }

    /**
     * Model constraint violations, worded as AWS's request validation words them. The Metering model
     * documents no validation exception, but awsJson services answer model violations with
     * {@code ValidationException} (400), and SDKs surface it as the service's generic exception.
     */
    static MeteringException validation(List<String> violations) {
        int count = violations.size();
        String message =
                count + " validation error" + (count == 1 ? "" : "s") + " detected: " + String.join("; ", violations);
        return client("ValidationException", message);
    }

    /** The body is not JSON, or a member has the wrong JSON type (AWS cannot deserialize it). */
    static MeteringException serialization(String message) {
        return client("SerializationException", message);
    }

    SimResponse toResponse() {
        return AwsErrors.json(status, type, getMessage());
    }

    String type() {
        return type;
    }
}
