package io.marketgate.server.aws.sdk;

import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One call's view of the JSON on the wire, for the fields the pinned SDK does not model (LicenseArn on
 * ResolveCustomer, GetEntitlements and BatchMeterUsage). Attached to a single request as an execution
 * attribute; {@link WireJsonInterceptor} applies the request edit before signing and keeps the last
 * successful response body. A call without one is left untouched.
 */
public final class WireJson {

    static final ExecutionAttribute<WireJson> ATTRIBUTE = new ExecutionAttribute<>("marketgate.WireJson");

    private final UnaryOperator<ObjectNode> requestEdit;
    private volatile JsonNode response;

    private WireJson(UnaryOperator<ObjectNode> requestEdit) {
        this.requestEdit = requestEdit;
    }

    /** Sends the SDK's body unchanged and keeps the answer's raw JSON. */
    public static WireJson readingResponse() {
        return new WireJson(null);
    }

    /** Edits the SDK's JSON body (numbers kept exactly as the SDK wrote them) and keeps the answer's raw JSON. */
    public static WireJson editingRequest(UnaryOperator<ObjectNode> edit) {
        return new WireJson(edit);
    }

    /** Attaches this view to the request being built. */
    public <B extends AwsRequest.Builder> B attach(B request) {
        request.overrideConfiguration(o -> o.putExecutionAttribute(ATTRIBUTE, this));
        return request;
    }

    /** The last 2xx response body of the call, if the call got one. */
    public Optional<JsonNode> response() {
        return Optional.ofNullable(response);
    }

    boolean editsRequest() {
        return requestEdit != null;
    }

    ObjectNode edit(ObjectNode body) {
        return requestEdit.apply(body);
    }

    void received(JsonNode body) {
        response = body;
    }
}
