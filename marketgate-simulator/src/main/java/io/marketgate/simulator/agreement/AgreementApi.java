package io.marketgate.simulator.agreement;

import io.marketgate.simulator.faults.FaultDecision;
import io.marketgate.simulator.faults.Faults;
import io.marketgate.simulator.http.Router;
import io.marketgate.simulator.http.SimRequest;
import io.marketgate.simulator.http.SimResponse;
import io.marketgate.simulator.sigv4.SigV4;
import io.marketgate.simulator.sigv4.SignatureProblem;
import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.Product;
import io.marketgate.simulator.state.SimState;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AWS Marketplace Agreement Service at the wire (awsJson 1.0, {@code X-Amz-Target:
 * AWSMPCommerceService_v20200301.*}, signing name {@code aws-marketplace}, us-east-1): DescribeAgreement and
 * GetAgreementTerms over the simulator's agreements. Every call passes, in order: the strict-mode signature
 * check, injected faults, request validation, then the caller: the acceptor, the proposer (seller, or
 * reseller for a channel sale) and the product's seller may read an agreement; other accounts are denied.
 */
public final class AgreementApi {

    public static final String TARGET_PREFIX = "AWSMPCommerceService_v20200301.";
    static final String DESCRIBE = "DescribeAgreement";
    static final String TERMS = "GetAgreementTerms";
    static final Set<String> REGIONS = Set.of("us-east-1");
    static final int MAX_RESULTS = 50;

    private static final Pattern AGREEMENT_ID = Pattern.compile("^[A-Za-z0-9_/-]{1,64}$");
    private static final String TOKEN_PREFIX = "offset:";

    private final SimState state;
    private final SigV4 sigV4;
    private final Faults faults;

    public AgreementApi(SimState state, SigV4 sigV4, Faults faults) {
        this.state = state;
        this.sigV4 = sigV4;
        this.faults = faults;
    }

    public void register(Router router) {
        router.awsJson(TARGET_PREFIX + DESCRIBE, request -> call(DESCRIBE, request));
        router.awsJson(TARGET_PREFIX + TERMS, request -> call(TERMS, request));
    }

    private SimResponse call(String operation, SimRequest request) throws InterruptedException {
        Optional<SignatureProblem> refused = sigV4.check(request, SigV4.MARKETPLACE_SERVICE, REGIONS);
        if (refused.isPresent()) {
            SignatureProblem problem = refused.get();
            return SimResponse.of(problem.status(), AgreementApiError.AWS_JSON_10, errorBody(problem))
                    .withHeader("x-amzn-ErrorType", problem.code());
        }
        try {
            switch (faults.decide(operation)) {
                case FaultDecision.Proceed proceed -> {}
                case FaultDecision.Throttle throttle -> throw AgreementApiError.throttling();
                // The Agreement API models no DisabledApiException: a disabled API answers an internal error.
                case FaultDecision.InternalError error -> throw AgreementApiError.internal();
                case FaultDecision.Disabled disabled -> throw AgreementApiError.internal();
                case FaultDecision.Timeout timeout -> {
                    Thread.sleep(timeout.hold());
                    return SimResponse.dropConnection();
                }
            }
            JsonNode body = read(request.body());
            Agreement agreement = readable(body, sigV4.caller(request).accountId());
            Product product = state.requireProduct(agreement.productCode());
            ObjectNode answer = DESCRIBE.equals(operation)
                    ? AgreementViews.describe(agreement, product)
                    : terms(body, AgreementViews.acceptedTerms(agreement, product));
            return SimResponse.of(200, AgreementApiError.AWS_JSON_10, AgreementViews.JSON.writeValueAsBytes(answer));
        } catch (AgreementApiError e) {
            return e.toResponse();
        }
    }

    private Agreement readable(JsonNode body, String callerAccountId) {
        JsonNode idNode = body.get("agreementId");
        if (idNode == null || idNode.isNull()) {
            throw AgreementApiError.validation("MISSING_AGREEMENT_ID", "agreementId is required");
        }
        String id = idNode.asString("");
        if (!idNode.isString() || !AGREEMENT_ID.matcher(id).matches()) {
            throw AgreementApiError.validation(
                    "INVALID_AGREEMENT_ID", "agreementId must match ^[A-Za-z0-9_/-]+$ (1–64 characters)");
        }
        Agreement agreement = state.agreement(id).orElseThrow(() -> AgreementApiError.notFound(id));
        Product product = state.requireProduct(agreement.productCode());
        boolean party = callerAccountId.equals(agreement.buyerAccountId())
                || callerAccountId.equals(AgreementViews.proposer(agreement, product))
                || callerAccountId.equals(product.sellerAccountId());
        if (!party) {
            throw AgreementApiError.accessDenied("Account " + callerAccountId + " is not a party to agreement " + id);
        }
        return agreement;
    }

    /** One page of the accepted terms; NextToken is the base64 offset of the next page. */
    private static ObjectNode terms(JsonNode body, List<ObjectNode> all) {
        int maxResults = body.has("maxResults") ? body.get("maxResults").asInt(0) : MAX_RESULTS;
        if (maxResults < 1 || maxResults > MAX_RESULTS) {
            throw AgreementApiError.validation("INVALID_MAX_RESULTS", "maxResults must be between 1 and 50");
        }
        int from = offset(body.path("nextToken").asString(null), all.size());
        int to = Math.min(from + maxResults, all.size());
        ObjectNode answer = AgreementViews.JSON.createObjectNode();
        answer.putArray("acceptedTerms").addAll(all.subList(from, to));
        if (to < all.size()) {
            answer.put(
                    "nextToken",
                    Base64.getEncoder().encodeToString((TOKEN_PREFIX + to).getBytes(StandardCharsets.UTF_8)));
        }
        return answer;
    }

    private static int offset(String token, int size) {
        if (token == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            int offset = Integer.parseInt(decoded.substring(TOKEN_PREFIX.length()));
            if (decoded.startsWith(TOKEN_PREFIX) && offset >= 0 && offset <= size) {
                return offset;
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            // falls through to the validation error
        }
        throw AgreementApiError.validation("INVALID_NEXT_TOKEN", "nextToken is not valid for this request");
    }

    private static JsonNode read(byte[] body) {
        try {
            JsonNode node = AgreementViews.JSON.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JacksonException e) {
            // falls through
        }
        throw AgreementApiError.validation("OTHER", "request body must be a JSON object");
    }

    private static byte[] errorBody(SignatureProblem problem) {
        ObjectNode body = AgreementViews.JSON.createObjectNode();
        body.put("__type", problem.code());
        body.put("message", problem.message());
        return AgreementViews.JSON.writeValueAsBytes(body);
    }
}
