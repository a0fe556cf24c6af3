package io.marketgate.simulator.entitlement;

import static io.marketgate.simulator.ContractFixtures.CONTRACT_END;
import static io.marketgate.simulator.ContractFixtures.allValueTypes;
import static io.marketgate.simulator.ContractFixtures.contractProduct;
import static io.marketgate.simulator.ContractFixtures.directContract;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.simulator.SignedAwsRequests;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.IdentityMode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORMapper;
import tools.jackson.dataformat.cbor.CBORParser;

/**
 * GetEntitlements as the current AWS model defines it (LicenseArn, the newer filters, Smithy RPC v2 CBOR),
 * which the pinned SDK cannot send: raw SigV4-signed requests, decoded with Jackson.
 */
class EntitlementWireProtocolTest {

    private static final String PRODUCT = "prodlicense0001";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CBORMapper CBOR = CBORMapper.builder().build();
    private static final Map<String, String> JSON_HEADERS = Map.of(
            "Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", "AWSMPEntitlementService.GetEntitlements");
    private static final Map<String, String> CBOR_HEADERS =
            Map.of("Content-Type", "application/cbor", "Accept", "application/cbor", "smithy-protocol", "rpc-v2-cbor");
    private static Simulator sim;
    private static Agreement first;
    private static Agreement second;

    @BeforeAll
    static void start() {
        sim = Simulator.builder().port(0).seed(11).build().start();
        contractProduct(sim, PRODUCT, IdentityMode.LICENSE);
        first = directContract(sim, PRODUCT, "310000000001", allValueTypes(5));
        second = directContract(sim, PRODUCT, "310000000002", allValueTypes(6));
        directContract(sim, PRODUCT, "310000000003", allValueTypes(7));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void noEmptyPages() {
        sim.entitlementPaging().emptyPageEvery(0);
    }

    @Test
    void licenseArnFilterReturnsThatLicenseWithAccountAndNoCustomerIdentifier() throws Exception {
        JsonNode result =
                json(Map.of("ProductCode", PRODUCT, "Filter", Map.of("LICENSE_ARN", List.of(first.licenseArn()))));

        assertThat(result.get("Entitlements")).hasSize(4).allSatisfy(e -> {
            assertThat(e.get("LicenseArn").stringValue()).isEqualTo(first.licenseArn());
            assertThat(e.get("CustomerAWSAccountId").stringValue()).isEqualTo("310000000001");
            assertThat(e.has("CustomerIdentifier")).isFalse();
            assertThat(e.get("ExpirationDate").decimalValue())
                    .isEqualByComparingTo(java.math.BigDecimal.valueOf(CONTRACT_END.getEpochSecond()));
        });
    }

    @Test
    void accountFilterValuesAreUnionedAndIntersectedWithDimension() throws Exception {
        JsonNode result = json(Map.of(
                "ProductCode",
                PRODUCT,
                "Filter",
                Map.of(
                        "CUSTOMER_AWS_ACCOUNT_ID",
                        List.of("310000000001", "310000000002"),
                        "DIMENSION",
                        List.of("seats"))));

        assertThat(result.get("Entitlements").values())
                .extracting(e -> e.get("Value").get("IntegerValue").intValue())
                .containsExactly(5, 6);
    }

    @Test
    void customerIdentifierAndAccountFiltersTogetherAreRejected() throws Exception {
        HttpResponse<byte[]> response = SignedAwsRequests.post(
                sim.endpoint(),
                "/",
                JSON_HEADERS,
                JSON.writeValueAsBytes(Map.of(
                        "ProductCode",
                        PRODUCT,
                        "Filter",
                        Map.of(
                                "CUSTOMER_IDENTIFIER",
                                List.of("X"),
                                "CUSTOMER_AWS_ACCOUNT_ID",
                                List.of("310000000001")))));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("__type").stringValue()).isEqualTo("InvalidParameterException");
        assertThat(error.get("message").stringValue()).contains("mutually exclusive");
    }

    @Test
    void aDimensionFilterWithoutACustomerFilterIsAnInvalidParameterOverJsonAndCbor() throws Exception {
        Map<String, Object> request = Map.of("ProductCode", PRODUCT, "Filter", Map.of("DIMENSION", List.of("seats")));

        HttpResponse<byte[]> json =
                SignedAwsRequests.post(sim.endpoint(), "/", JSON_HEADERS, JSON.writeValueAsBytes(request));
        HttpResponse<byte[]> cbor = cbor(request);

        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(json.body()).get("__type").stringValue()).isEqualTo("InvalidParameterException");
        assertThat(JSON.readTree(json.body()).get("message").stringValue())
                .isEqualTo("Invalid filter combination provided. Please provide the CUSTOMER_IDENTIFIER along with"
                        + " DIMENSION.");
        assertThat(cbor.statusCode()).isEqualTo(400);
        assertThat(CBOR.readTree(cbor.body()).get("__type").stringValue())
                .isEqualTo("com.amazonaws.marketplaceentitlementservice#InvalidParameterException");
        assertThat(CBOR.readTree(cbor.body()).get("message").stringValue()).contains("Invalid filter combination");
    }

    @Test
    void anEmptyResultOmitsEntitlementsOverJsonAndCbor() throws Exception {
        Map<String, Object> request =
                Map.of("ProductCode", PRODUCT, "Filter", Map.of("CUSTOMER_AWS_ACCOUNT_ID", List.of("399999999999")));

        HttpResponse<byte[]> json =
                SignedAwsRequests.post(sim.endpoint(), "/", JSON_HEADERS, JSON.writeValueAsBytes(request));
        HttpResponse<byte[]> cbor = cbor(request);

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(new String(json.body(), java.nio.charset.StandardCharsets.UTF_8))
                .as("AWS answers {} with content-length 2")
                .isEqualTo("{}");
        assertThat(cbor.statusCode()).isEqualTo(200);
        assertThat(CBOR.readTree(cbor.body()).has("Entitlements")).isFalse();
        assertThat(CBOR.readTree(cbor.body()).isEmpty()).isTrue();
    }

    @Test
    void cborAnswersInCborWithTheProtocolHeaderAndTaggedEpochSecondsTimestamps() throws Exception {
        HttpResponse<byte[]> response =
                cbor(Map.of("ProductCode", PRODUCT, "Filter", Map.of("LICENSE_ARN", List.of(second.licenseArn()))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/cbor");
        assertThat(response.headers().firstValue("smithy-protocol")).hasValue("rpc-v2-cbor");
        JsonNode result = CBOR.readTree(response.body());
        assertThat(result.get("Entitlements")).hasSize(4);
        assertThat(result.get("Entitlements")
                        .get(1)
                        .get("Value")
                        .get("DoubleValue")
                        .doubleValue())
                .isEqualTo(2.5);
        assertThat(result.get("Entitlements")
                        .get(2)
                        .get("Value")
                        .get("BooleanValue")
                        .booleanValue())
                .isTrue();
        assertThat(expirationDates(response.body())).hasSize(4).allSatisfy(tagged -> assertThat(tagged)
                .isEqualTo("tag 1: " + (double) CONTRACT_END.getEpochSecond()));
    }

    @Test
    void cborPagesFollowTheNextTokenThroughAnEmptyPage() throws Exception {
        sim.entitlementPaging().emptyPageEvery(2);
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        do {
            Map<String, Object> request = new java.util.HashMap<>(Map.of("ProductCode", PRODUCT, "MaxResults", 7));
            if (token != null) {
                request.put("NextToken", token);
            }
            JsonNode page = CBOR.readTree(cbor(request).body());
            // An empty page has no Entitlements key at all, as on AWS.
            pageSizes.add(page.has("Entitlements") ? page.get("Entitlements").size() : 0);
            assertThat(page.has("Entitlements") && page.get("Entitlements").isEmpty())
                    .isFalse();
            token = page.has("NextToken") ? page.get("NextToken").stringValue() : null;
        } while (token != null);

        assertThat(pageSizes).containsExactly(7, 0, 5);
    }

    @Test
    void cborErrorsCarryTheAbsoluteShapeIdInType() throws Exception {
        HttpResponse<byte[]> response = cbor(Map.of("MaxResults", 3));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("smithy-protocol")).hasValue("rpc-v2-cbor");
        JsonNode error = CBOR.readTree(response.body());
        assertThat(error.get("__type").stringValue())
                .isEqualTo("com.amazonaws.marketplaceentitlementservice#InvalidParameterException");
        assertThat(error.get("message").stringValue()).contains("ProductCode");
    }

    @Test
    void cborWithoutTheSmithyProtocolHeaderIsRejectedNamingTheHeader() throws Exception {
        HttpResponse<byte[]> response = SignedAwsRequests.post(
                sim.endpoint(),
                EntitlementApi.CBOR_PATH,
                Map.of("Content-Type", "application/cbor"),
                CBOR.writeValueAsBytes(Map.of("ProductCode", PRODUCT)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(CBOR.readTree(response.body()).get("message").stringValue()).contains("smithy-protocol");
    }

    private static JsonNode json(Map<String, ?> request) throws Exception {
        HttpResponse<byte[]> response =
                SignedAwsRequests.post(sim.endpoint(), "/", JSON_HEADERS, JSON.writeValueAsBytes(request));
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<byte[]> cbor(Map<String, ?> request) throws Exception {
        return SignedAwsRequests.post(
                sim.endpoint(), EntitlementApi.CBOR_PATH, CBOR_HEADERS, CBOR.writeValueAsBytes(request));
    }

    /** Each ExpirationDate as "tag N: value", read with the streaming parser because trees drop tags. */
    private static List<String> expirationDates(byte[] body) {
        List<String> dates = new ArrayList<>();
        try (JsonParser parser = CBOR.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_NUMBER_FLOAT && "ExpirationDate".equals(parser.currentName())) {
                    dates.add("tag " + ((CBORParser) parser).getCurrentTag() + ": " + parser.getDoubleValue());
                }
            }
        }
        return dates;
    }
}
