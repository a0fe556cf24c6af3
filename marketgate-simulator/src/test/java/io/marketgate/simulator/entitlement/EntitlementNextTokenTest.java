package io.marketgate.simulator.entitlement;

import static io.marketgate.simulator.ContractFixtures.CONTRACT_END;
import static io.marketgate.simulator.ContractFixtures.allValueTypes;
import static io.marketgate.simulator.ContractFixtures.contractProduct;
import static io.marketgate.simulator.ContractFixtures.directContract;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.simulator.SignedAwsRequests;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.EntitlementGrant;
import io.marketgate.simulator.state.IdentityMode;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A NextToken counts into the rows it was issued for; once they change it is refused, not misread. */
class EntitlementNextTokenTest {

    private static final String PRODUCT = "prodpaging0001";
    private static final String BUYER_ONE = "330000000001";
    private static final String BUYER_TWO = "330000000002";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Simulator sim;
    private Agreement one;
    private Agreement two;

    @BeforeEach
    void start() {
        sim = Simulator.builder().port(0).seed(23).build().start();
        contractProduct(sim, PRODUCT, IdentityMode.LICENSE);
        one = directContract(sim, PRODUCT, BUYER_ONE, allValueTypes(1));
        two = directContract(sim, PRODUCT, BUYER_TWO, allValueTypes(2));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aNewSubscriptionBetweenPagesMakesTheNextTokenAnInvalidParameterSayingStartAgain() throws Exception {
        String token = page(Map.of("MaxResults", 5), null).get("NextToken").stringValue();
        directContract(sim, PRODUCT, "330000000003", allValueTypes(3));

        HttpResponse<byte[]> response = send(Map.of("MaxResults", 5), token);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("__type").stringValue()).isEqualTo("InvalidParameterException");
        assertThat(error.get("message").stringValue())
                .contains("the entitlements changed since this NextToken was issued")
                .contains("start again without NextToken");
    }

    @Test
    void changedContractTermsBetweenPagesMakeTheNextTokenInvalid() throws Exception {
        String token = page(Map.of("MaxResults", 3), null).get("NextToken").stringValue();
        sim.state().changeEntitlements(one.id(), List.of(new EntitlementGrant("seats", 9, CONTRACT_END)));

        assertThat(send(Map.of("MaxResults", 3), token).statusCode()).isEqualTo(400);
    }

    @Test
    void aChangeOutsideTheFilterKeepsTheNextTokenValid() throws Exception {
        Map<String, Object> onlyBuyerOne =
                Map.of("MaxResults", 2, "Filter", Map.of("CUSTOMER_AWS_ACCOUNT_ID", List.of(BUYER_ONE)));
        JsonNode first = page(onlyBuyerOne, null);
        sim.state().changeEntitlements(two.id(), List.of(new EntitlementGrant("seats", 9, CONTRACT_END)));

        JsonNode second = page(onlyBuyerOne, first.get("NextToken").stringValue());

        assertThat(second.get("Entitlements").values())
                .extracting(e -> e.get("Dimension").stringValue())
                .containsExactly("sso", "tier");
    }

    @Test
    void unchangedDataPagesThroughEveryRowOnce() throws Exception {
        List<String> seen = new java.util.ArrayList<>();
        String token = null;
        do {
            JsonNode page = page(Map.of("MaxResults", 3), token);
            page.get("Entitlements")
                    .values()
                    .forEach(e -> seen.add(e.get("CustomerAWSAccountId").stringValue() + "/"
                            + e.get("Dimension").stringValue()));
            token = page.has("NextToken") ? page.get("NextToken").stringValue() : null;
        } while (token != null);

        assertThat(seen).hasSize(8).doesNotHaveDuplicates();
    }

    private JsonNode page(Map<String, Object> request, String token) throws Exception {
        HttpResponse<byte[]> response = send(request, token);
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<byte[]> send(Map<String, Object> request, String token) throws Exception {
        Map<String, Object> body = new HashMap<>(request);
        body.put("ProductCode", PRODUCT);
        if (token != null) {
            body.put("NextToken", token);
        }
        return SignedAwsRequests.post(
                sim.endpoint(),
                "/",
                Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", EntitlementApi.JSON_TARGET),
                JSON.writeValueAsBytes(body));
    }
}
