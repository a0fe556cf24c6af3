package io.marketgate.server.aws.sdk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one place where Marketgate reaches past the pinned SDK's model. Acts only on calls carrying a
 * {@link WireJson}. The SDK signs after interceptors run and retries resend the edited body, so the signature
 * covers what AWS receives. Two traps handled here: the SDK does not recompute {@code Content-Length}
 * ({@code modifyHttpRequest} runs after {@code modifyHttpContent}, so the edited body is computed once and
 * shared through an execution attribute), and timestamps such as {@code 1795428000.000} must survive the
 * round trip through a JSON tree unchanged (read as BigDecimal, trailing zeros kept).
 */
public final class WireJsonInterceptor implements ExecutionInterceptor {

    public static final WireJsonInterceptor INSTANCE = new WireJsonInterceptor();

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final ExecutionAttribute<byte[]> EDITED_BODY = new ExecutionAttribute<>("marketgate.EditedBody");

    private WireJsonInterceptor() {}

    @Override
    public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        WireJson wire = attributes.getAttribute(WireJson.ATTRIBUTE);
        if (wire == null || !wire.editsRequest() || context.requestBody().isEmpty()) {
            return context.requestBody();
        }
        byte[] edited = attributes.getAttribute(EDITED_BODY);
        if (edited == null) {
            byte[] original =
                    read(context.requestBody().get().contentStreamProvider().newStream());
            ObjectNode body = (ObjectNode) JSON.readTree(original);
            edited = JSON.writeValueAsBytes(wire.edit(body));
            attributes.putAttribute(EDITED_BODY, edited);
        }
        return Optional.of(RequestBody.fromBytes(edited));
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        byte[] edited = attributes.getAttribute(EDITED_BODY);
        if (edited == null) {
            return context.httpRequest();
        }
        return context.httpRequest().toBuilder()
                .putHeader("Content-Length", Integer.toString(edited.length))
                .build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(
            Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        WireJson wire = attributes.getAttribute(WireJson.ATTRIBUTE);
        if (wire == null
                || context.responseBody().isEmpty()
                || !context.httpResponse().isSuccessful()) {
            return context.responseBody();
        }
        byte[] body = read(context.responseBody().get());
        try {
            JsonNode tree = JSON.readTree(body);
            wire.received(tree);
        } catch (JacksonException e) {
            // Not JSON: the SDK's own unmarshaller reports it; there is nothing extra to read.
        }
        return Optional.of(new ByteArrayInputStream(body));
    }

    private static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an AWS request or response body", e);
        }
    }
}
