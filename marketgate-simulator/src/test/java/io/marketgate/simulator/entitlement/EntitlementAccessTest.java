package io.marketgate.simulator.entitlement;

import static io.marketgate.simulator.ContractFixtures.allValueTypes;
import static io.marketgate.simulator.ContractFixtures.contractProduct;
import static io.marketgate.simulator.ContractFixtures.directContract;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.simulator.SignedAwsRequests;
import io.marketgate.simulator.SignedAwsRequests.Scope;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.IdentityMode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORMapper;

/** Who may call GetEntitlements: strict signature scopes, and only the seller's account sees its product. */
class EntitlementAccessTest {

    private static final String PRODUCT = "prodaccess0001";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CBORMapper CBOR = CBORMapper.builder().build();
    private static final Map<String, String> JSON_HEADERS =
            Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", EntitlementApi.JSON_TARGET);
    private static final Map<String, String> CBOR_HEADERS =
            Map.of("Content-Type", "application/cbor", "smithy-protocol", "rpc-v2-cbor");
    private static final Scope SELLER = new Scope("AKIDTEST", "us-east-1", "aws-marketplace");

    private Simulator sim;

    private void start(boolean strict) {
        sim = Simulator.builder()
                .port(0)
                .seed(21)
                .strictSignatures(strict)
                .build()
                .start();
        contractProduct(sim, PRODUCT, IdentityMode.LICENSE);
        directContract(sim, PRODUCT, "320000000001", allValueTypes(3));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void anotherAccountGetsInvalidParameterSayingTheProductIsNotVisibleToIt() throws Exception {
        start(false);

        HttpResponse<byte[]> response = json(new Scope("444455556666", "us-east-1", "aws-marketplace"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("__type").stringValue()).isEqualTo("InvalidParameterException");
        assertThat(error.get("message").stringValue())
                .contains(PRODUCT)
                .contains("not visible to account 444455556666");
    }

    @Test
    void anotherAccountIsRefusedInCborToo() throws Exception {
        start(false);

        HttpResponse<byte[]> response = cbor(new Scope("444455556666", "us-east-1", "aws-marketplace"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(CBOR.readTree(response.body()).get("__type").stringValue())
                .isEqualTo("com.amazonaws.marketplaceentitlementservice#InvalidParameterException");
    }

    @Test
    void theSellersAccountReadsItsEntitlementsInStrictMode() throws Exception {
        start(true);

        assertThat(json(SELLER).statusCode()).isEqualTo(200);
        assertThat(cbor(SELLER).statusCode()).isEqualTo(200);
    }

    @Test
    void strictModeRefusesAnotherServicesSigningNameInTheCallersProtocol() throws Exception {
        start(true);
        Scope metering = new Scope("AKIDTEST", "us-east-1", "metering.marketplace");

        HttpResponse<byte[]> json = json(metering);
        HttpResponse<byte[]> cbor = cbor(metering);

        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(json.body()).get("__type").stringValue()).isEqualTo("InvalidSignatureException");
        assertThat(cbor.statusCode()).isEqualTo(400);
        assertThat(cbor.headers().firstValue("smithy-protocol")).hasValue("rpc-v2-cbor");
        JsonNode error = CBOR.readTree(cbor.body());
        assertThat(error.get("__type").stringValue()).isEqualTo("InvalidSignatureException");
        assertThat(error.get("message").stringValue()).contains("'aws-marketplace'");
    }

    @Test
    void strictModeRefusesARegionWithoutAnEntitlementEndpoint() throws Exception {
        start(true);

        HttpResponse<byte[]> response = json(new Scope("AKIDTEST", "eu-west-1", "aws-marketplace"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("message").stringValue()).contains("not 'eu-west-1'");
    }

    @Test
    void strictModeRefusesAnUnsignedRequest() throws Exception {
        start(true);
        HttpRequest.Builder request = HttpRequest.newBuilder(sim.endpoint().resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"ProductCode\":\"" + PRODUCT + "\"}"));
        JSON_HEADERS.forEach(request::header);

        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("MissingAuthenticationTokenException");
    }

    private HttpResponse<byte[]> json(Scope scope) throws Exception {
        return SignedAwsRequests.post(
                sim.endpoint(), "/", JSON_HEADERS, JSON.writeValueAsBytes(Map.of("ProductCode", PRODUCT)), scope);
    }

    private HttpResponse<byte[]> cbor(Scope scope) throws Exception {
        return SignedAwsRequests.post(
                sim.endpoint(),
                EntitlementApi.CBOR_PATH,
                CBOR_HEADERS,
                CBOR.writeValueAsBytes(Map.of("ProductCode", PRODUCT)),
                scope);
    }
}
