package io.marketgate.simulator.entitlement;

import static io.marketgate.simulator.entitlement.EntitlementApiError.invalidParameter;

import io.marketgate.simulator.http.Router;
import io.marketgate.simulator.http.SimRequest;
import io.marketgate.simulator.http.SimResponse;
import io.marketgate.simulator.sigv4.SigV4;
import io.marketgate.simulator.sigv4.SignatureProblem;
import io.marketgate.simulator.state.Product;
import io.marketgate.simulator.state.SimState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS Marketplace Entitlement Service: {@code GetEntitlements} over awsJson 1.1 ({@code POST /} with
 * {@code X-Amz-Target: AWSMPEntitlementService.GetEntitlements}) and over Smithy RPC v2 CBOR
 * ({@code POST /service/AWSMPEntitlementService/operation/GetEntitlements}). Both answer from the same
 * state with the same pages; only the encoding differs.
 *
 * <p>Every call passes, in order: the strict-mode signature check (service {@code aws-marketplace}, region
 * us-east-1), injected faults, request validation, then the caller's account: only the account that
 * published the product sees its entitlements.
 */
public final class EntitlementApi {

    public static final String JSON_TARGET = "AWSMPEntitlementService.GetEntitlements";
    public static final String CBOR_PATH = "/service/AWSMPEntitlementService/operation/GetEntitlements";

    private final SimState state;
    private final EntitlementCatalog catalog;
    private final EntitlementPaging paging;
    private final EntitlementFaultHook faults;
    private final SigV4 sigV4;

    public EntitlementApi(SimState state, SigV4 sigV4, EntitlementPaging paging, EntitlementFaultHook faults) {
        this.state = state;
        this.sigV4 = sigV4;
        this.catalog = new EntitlementCatalog(state);
        this.paging = paging;
        this.faults = faults;
    }

    public void register(Router router) {
        router.awsJson(JSON_TARGET, request -> handle(EntitlementProtocol.AWS_JSON, request));
        router.post(CBOR_PATH, request -> handle(EntitlementProtocol.RPC_V2_CBOR, request));
    }

    private SimResponse handle(EntitlementProtocol protocol, SimRequest request) throws InterruptedException {
        Optional<SignatureProblem> refused = sigV4.check(request, SigV4.MARKETPLACE_SERVICE, SigV4.ENTITLEMENT_REGIONS);
        if (refused.isPresent()) {
            return protocol.signatureError(refused.get());
        }
        try {
            // The single place injected Entitlement faults (throttling, internal errors) take effect.
            Optional<EntitlementApiError> fault = faults.faultFor(request);
            if (fault.isPresent()) {
                throw fault.get();
            }
            if (protocol == EntitlementProtocol.RPC_V2_CBOR) {
                requireCborHeaders(request);
            }
            GetEntitlementsRequest parsed = GetEntitlementsRequest.parse(protocol.read(request.body()));
            return protocol.ok(
                    result(getEntitlements(parsed, sigV4.caller(request).accountId())));
        } catch (EntitlementApiError error) {
            return protocol.error(error);
        }
    }

    /**
     * The page the request asks for, as {@code callerAccountId} sees it. A product the simulator does not
     * list is an invalid parameter, and so is another seller's product: GetEntitlements models no
     * access-denied error, and AWS does not document what another account gets, so the simulator answers
     * the closest modelled error (see the README's Entitlement API section).
     */
    public EntitlementPaging.Page getEntitlements(GetEntitlementsRequest request, String callerAccountId) {
        Product product = state.product(request.productCode())
                .orElseThrow(() -> invalidParameter(
                        "ProductCode " + request.productCode() + " is not a product listed in the simulator"));
        if (!product.sellerAccountId().equals(callerAccountId)) {
            throw invalidParameter("ProductCode " + request.productCode() + " is not visible to account "
                    + callerAccountId + ": only the account that published it (the seller) may read its"
                    + " entitlements");
        }
        List<EntitlementRow> matching =
                catalog.rows(product).stream().filter(request::matches).toList();
        return paging.page(request, matching);
    }

    private static void requireCborHeaders(SimRequest request) {
        String protocol = request.header("smithy-protocol").orElse("");
        if (!EntitlementProtocol.SMITHY_PROTOCOL.equals(protocol)) {
            throw invalidParameter("Header smithy-protocol must be rpc-v2-cbor; got '" + protocol + "'");
        }
        String contentType = request.header("content-type").orElse("");
        if (!contentType.isEmpty() && !contentType.startsWith("application/cbor")) {
            throw invalidParameter("Header Content-Type must be application/cbor; got '" + contentType + "'");
        }
    }

    /** AWS leaves {@code Entitlements} out of an empty page ({@code {}} on the wire), so the simulator does too. */
    private static Map<String, Object> result(EntitlementPaging.Page page) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (!page.entitlements().isEmpty()) {
            result.put(
                    "Entitlements",
                    page.entitlements().stream()
                            .map(EntitlementApi::entitlement)
                            .toList());
        }
        result.put("NextToken", page.nextToken());
        return result;
    }

    private static Map<String, Object> entitlement(EntitlementRow row) {
        Map<String, Object> entitlement = new LinkedHashMap<>();
        entitlement.put("ProductCode", row.productCode());
        entitlement.put("Dimension", row.dimension());
        entitlement.put("CustomerIdentifier", row.customerIdentifier());
        entitlement.put("CustomerAWSAccountId", row.customerAwsAccountId());
        entitlement.put("LicenseArn", row.licenseArn());
        entitlement.put("Value", Map.of(valueMember(row.value()), row.value()));
        entitlement.put("ExpirationDate", row.expirationDate());
        return entitlement;
    }

    private static String valueMember(Object value) {
        return switch (value) {
            case Integer ignored -> "IntegerValue";
            case Double ignored -> "DoubleValue";
            case Boolean ignored -> "BooleanValue";
            default -> "StringValue";
        };
    }
}
