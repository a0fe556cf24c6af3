package io.marketgate.simulator.agreement;

import io.marketgate.simulator.http.SimResponse;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** An Agreement API error as awsJson 1.0 sends it: HTTP status, {@code __type}, message and model fields. */
final class AgreementApiError extends RuntimeException {

    static final String AWS_JSON_10 = "application/x-amz-json-1.0";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int status;
    private final String type;
    private final ObjectNode fields;

    private AgreementApiError(int status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.fields = JSON.createObjectNode();
    }

    /** ValidationException with the model's reason, e.g. {@code INVALID_AGREEMENT_ID}. */
    static AgreementApiError validation(String reason, String message) {
        AgreementApiError error = new AgreementApiError(400, "ValidationException", message);
        error.fields.put("reason", reason);
        return error;
    }

    static AgreementApiError notFound(String agreementId) {
        AgreementApiError error =
                new AgreementApiError(400, "ResourceNotFoundException", "Agreement " + agreementId + " not found");
        error.fields.put("resourceId", agreementId);
        error.fields.put("resourceType", "Agreement");
        return error;
    }

    static AgreementApiError accessDenied(String message) {
        return new AgreementApiError(400, "AccessDeniedException", message);
    }

    static AgreementApiError throttling() {
        return new AgreementApiError(400, "ThrottlingException", "Rate exceeded");
    }

    static AgreementApiError internal() {
        return new AgreementApiError(
                500, "InternalServerException", "An internal error has occurred. Retry your request.");
    }

    SimResponse toResponse() {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", type);
        body.put("message", getMessage());
        body.setAll(fields);
        return SimResponse.of(status, AWS_JSON_10, JSON.writeValueAsBytes(body)).withHeader("x-amzn-ErrorType", type);
    }
}
