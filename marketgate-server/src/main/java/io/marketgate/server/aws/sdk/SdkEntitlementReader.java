package io.marketgate.server.aws.sdk;

import io.marketgate.server.aws.AwsClients;
import io.marketgate.server.aws.AwsCustomerKey;
import io.marketgate.server.aws.EntitlementRead;
import io.marketgate.server.aws.EntitlementRead.EntitlementValue;
import io.marketgate.server.aws.EntitlementReader;
import io.marketgate.server.product.Product;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.marketplaceentitlement.MarketplaceEntitlementClient;
import software.amazon.awssdk.services.marketplaceentitlement.model.Entitlement;
import software.amazon.awssdk.services.marketplaceentitlement.model.GetEntitlementsRequest;
import software.amazon.awssdk.services.marketplaceentitlement.model.GetEntitlementsResponse;
import tools.jackson.databind.JsonNode;

/**
 * GetEntitlements through the SDK, every page. The filter follows the identity mode; the pinned SDK knows
 * neither the CUSTOMER_AWS_ACCOUNT_ID and LICENSE_ARN filters (sent as plain strings, which it serialises
 * as they are) nor LicenseArn on an entitlement (read from the wire, in the same order as the SDK's list).
 */
final class SdkEntitlementReader implements EntitlementReader {

    /** AWS's upper bound for MaxResults. */
    static final int PAGE_SIZE = 25;
    /** A guard against a service that never stops paging: far above any real customer's entitlements. */
    static final int MAX_PAGES = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(SdkEntitlementReader.class);

    private final AwsClients clients;

    SdkEntitlementReader(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public EntitlementRead read(Product product, AwsCustomerKey customer) {
        CustomerKeys.Key key = CustomerKeys.of(product.identityMode(), customer);
        if (key.value() == null) {
            return new EntitlementRead.Failed(
                    "A " + product.identityMode().value() + " customer needs " + key.field() + " to read entitlements",
                    false);
        }
        MarketplaceEntitlementClient client = clients.entitlement(product.seller());
        List<EntitlementRead.Entitlement> all = new ArrayList<>();
        Set<String> seenTokens = new HashSet<>();
        String nextToken = null;
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                WireJson wire = WireJson.readingResponse();
                GetEntitlementsRequest.Builder request = GetEntitlementsRequest.builder()
                        .productCode(product.productCode())
                        .filterWithStrings(Map.of(key.entitlementFilter(), List.of(key.value())))
                        .maxResults(PAGE_SIZE)
                        .nextToken(nextToken);
                GetEntitlementsResponse response =
                        client.getEntitlements(wire.attach(request).build());
                JsonNode raw =
                        wire.response().map(json -> json.path("Entitlements")).orElse(null);
                for (int i = 0; i < response.entitlements().size(); i++) {
                    all.add(entitlement(response.entitlements().get(i), raw == null ? null : raw.get(i)));
                }
                // An empty page may still carry a NextToken: follow it, as AWS documents.
                nextToken = response.nextToken();
                if (nextToken == null || nextToken.isEmpty()) {
                    return new EntitlementRead.Read(all);
                }
                if (!seenTokens.add(nextToken)) {
                    return new EntitlementRead.Failed("GetEntitlements repeated a NextToken; paging stopped", true);
                }
            }
            return new EntitlementRead.Failed("GetEntitlements still paging after " + MAX_PAGES + " pages", true);
        } catch (SdkException e) {
            String reason = AwsFailures.describe(e);
            LOG.warn("GetEntitlements for product '{}' failed: {}", product.id(), reason);
            return new EntitlementRead.Failed(reason, AwsFailures.retryable(e));
        }
    }

    private static EntitlementRead.Entitlement entitlement(Entitlement e, JsonNode raw) {
        String licenseArn = raw == null ? null : raw.path("LicenseArn").asString(null);
        return new EntitlementRead.Entitlement(
                e.dimension(),
                value(e),
                e.expirationDate(),
                e.customerIdentifier(),
                e.customerAWSAccountId(),
                licenseArn);
    }

    /** Exactly one of the union's members is set; an entitlement without a value reads as null. */
    private static EntitlementValue value(Entitlement e) {
        if (e.value() == null) {
            return null;
        }
        var v = e.value();
        if (v.integerValue() != null) {
            return new EntitlementValue.IntegerValue(v.integerValue());
        }
        if (v.doubleValue() != null) {
            return new EntitlementValue.DoubleValue(v.doubleValue());
        }
        if (v.booleanValue() != null) {
            return new EntitlementValue.BooleanValue(v.booleanValue());
        }
        return v.stringValue() == null ? null : new EntitlementValue.StringValue(v.stringValue());
    }
}
