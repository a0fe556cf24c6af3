package io.marketgate.simulator.entitlement;

import io.marketgate.simulator.http.AwsErrors;
import io.marketgate.simulator.http.JsonSyntax;
import io.marketgate.simulator.http.SimResponse;
import io.marketgate.simulator.sigv4.SignatureProblem;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORMapper;

/** The two wire protocols of the Entitlement Service: awsJson 1.1 and Smithy RPC v2 CBOR. */
enum EntitlementProtocol {
    AWS_JSON(JsonMapper.builder().build(), AwsErrors.AWS_JSON),
    RPC_V2_CBOR(CBORMapper.builder().build(), "application/cbor");

    /** Smithy RPC v2 CBOR errors carry the error's absolute shape id in {@code __type}. */
    static final String SHAPE_NAMESPACE = "com.amazonaws.marketplaceentitlementservice#";

    static final String SMITHY_PROTOCOL = "rpc-v2-cbor";

    private final ObjectMapper mapper;
    private final String contentType;

    EntitlementProtocol(ObjectMapper mapper, String contentType) {
        this.mapper = mapper;
        this.contentType = contentType;
    }

    /** The request body as a tree; an empty body is an empty request object. */
    JsonNode read(byte[] body) {
        if (body == null || body.length == 0) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(body);
        } catch (JacksonException e) {
            throw EntitlementApiError.invalidParameter(
                    JsonSyntax.problem("The request body is not valid " + (this == AWS_JSON ? "JSON" : "CBOR"), e));
        }
    }

    SimResponse ok(Map<String, ?> result) {
        return withProtocolHeader(SimResponse.of(200, contentType, WireTree.write(mapper, result)));
    }

    SimResponse error(EntitlementApiError error) {
        if (this == AWS_JSON) {
            return AwsErrors.json(error.type().status(), error.type().wireName(), error.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__type", SHAPE_NAMESPACE + error.type().wireName());
        body.put("message", error.getMessage());
        return withProtocolHeader(SimResponse.of(error.type().status(), contentType, WireTree.write(mapper, body)))
                .withHeader("x-amzn-ErrorType", error.type().wireName());
    }

    /**
     * A strict-mode signature refusal. These are not GetEntitlements' modelled errors but the service
     * front end's, so the CBOR {@code __type} carries the bare name, which clients read the same way.
     */
    SimResponse signatureError(SignatureProblem problem) {
        if (this == AWS_JSON) {
            return AwsErrors.json(problem.status(), problem.code(), problem.message());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__type", problem.code());
        body.put("message", problem.message());
        return withProtocolHeader(SimResponse.of(problem.status(), contentType, WireTree.write(mapper, body)))
                .withHeader("x-amzn-ErrorType", problem.code());
    }

    private SimResponse withProtocolHeader(SimResponse response) {
        return this == RPC_V2_CBOR ? response.withHeader("smithy-protocol", SMITHY_PROTOCOL) : response;
    }
}
