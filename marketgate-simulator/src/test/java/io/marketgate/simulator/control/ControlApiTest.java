package io.marketgate.simulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.simulator.ControlClient;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.AgreementStatus;
import io.marketgate.simulator.state.EntitlementGrant;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ControlApiTest {

    private static final String BUYER = "222233334444";
    private static final String CONTRACT = """
            {"code":"contract-1","title":"Contract","sellerAccountId":"111122223333","identityMode":"account",
             "pricingModel":"contract-with-consumption","fulfillmentUrl":"https://seller.example/fulfil",
             "dimensions":[{"key":"seats","description":"Seats","metered":false},
                           {"key":"tier","metered":false},{"key":"overage","metered":true}]}
            """;

    private Simulator sim;
    private ControlClient client;

    @BeforeEach
    void start() {
        sim = Simulator.builder().port(0).seed(1).build().start();
        client = new ControlClient(sim.endpoint());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void productWithUnknownIdentityModeIsRejectedNamingTheField() {
        var reply = client.post("/_sim/products", """
                {"code":"p","identityMode":"customer","dimensions":[{"key":"calls"}]}""");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").stringValue())
                .isEqualTo("identityMode must be one of legacy, account, license");
        assertThat(reply.json().get("field").stringValue()).isEqualTo("identityMode");
    }

    @Test
    void invalidProductFieldsAreNamedWithTheirPath() {
        assertThat(fieldOf(client.post("/_sim/products", "{\"dimensions\":[{\"key\":\"a\"}]}")))
                .isEqualTo("code");
        assertThat(fieldOf(client.post("/_sim/products", "{\"code\":\"p\"}"))).isEqualTo("dimensions");
        assertThat(fieldOf(client.post(
                        "/_sim/products", "{\"code\":\"p\",\"dimensions\":[{\"key\":\"a\"},{\"key\":\"\"}]}")))
                .isEqualTo("dimensions[1].key");
        assertThat(
                        fieldOf(
                                client.post(
                                        "/_sim/products",
                                        "{\"code\":\"p\",\"pricingModel\":\"contract\",\"dimensions\":[{\"key\":\"a\",\"metered\":true}]}")))
                .isEqualTo("dimensions[0].metered");
        assertThat(fieldOf(client.post(
                        "/_sim/products",
                        "{\"code\":\"p\",\"fulfillmentUrl\":\"/relative\",\"dimensions\":[{\"key\":\"a\"}]}")))
                .isEqualTo("fulfillmentUrl");
        assertThat(client.post("/_sim/products", "{not json").status()).isEqualTo(400);
    }

    @Test
    void createdProductIsListedAndReadableByCode() {
        var created = client.post("/_sim/products", CONTRACT);

        assertThat(created.status()).isEqualTo(201);
        JsonNode product = client.get("/_sim/products/contract-1").json();
        assertThat(product.get("pricingModel").stringValue()).isEqualTo("contract-with-consumption");
        assertThat(product.get("identityMode").stringValue()).isEqualTo("account");
        assertThat(product.get("dimensions").get(2).get("metered").booleanValue())
                .isTrue();
        assertThat(client.get("/_sim/products").json()).hasSize(1);
        assertThat(client.post("/_sim/products", CONTRACT).status())
                .as("replacing")
                .isEqualTo(200);
        assertThat(client.get("/_sim/products/nope").status()).isEqualTo(404);
    }

    @Test
    void subscribingReturnsTheAgreementAndARegistrationTokenThatMapsToIt() {
        client.post("/_sim/products", CONTRACT);

        var reply = client.post("/_sim/agreements", """
                {"productCode":"contract-1","buyerAccountId":"222233334444","offerType":"free-trial",
                 "resellerAccountId":"999988887777","entitlements":[{"dimension":"seats","value":5}]}""");

        assertThat(reply.status()).isEqualTo(201);
        String agreementId = reply.json().get("agreement").get("id").stringValue();
        String token = reply.json().get("registrationToken").get("token").stringValue();
        assertThat(sim.state().token(token))
                .get()
                .extracting(t -> t.agreementId())
                .isEqualTo(agreementId);
        Agreement agreement = sim.state().requireAgreement(agreementId);
        assertThat(agreement.status()).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(agreement.freeTrial()).isTrue();
        assertThat(agreement.resellerAccountId()).isEqualTo("999988887777");
        assertThat(reply.json().get("agreement").get("licenseArn").stringValue())
                .startsWith("arn:aws:license-manager:");
    }

    @Test
    void entitlementValuesKeepTheirJsonTypes() {
        client.post("/_sim/products", CONTRACT);

        var reply = client.post("/_sim/agreements", """
                {"productCode":"contract-1","buyerAccountId":"222233334444","entitlements":[
                  {"dimension":"seats","value":10,"expiration":"2027-01-01T00:00:00Z"},
                  {"dimension":"seats","value":2.5},{"dimension":"tier","value":true},{"dimension":"tier","value":"gold"}]}""");

        Agreement agreement = sim.state()
                .requireAgreement(reply.json().get("agreement").get("id").stringValue());
        assertThat(agreement.entitlements()).extracting(EntitlementGrant::value).containsExactly(10, 2.5, true, "gold");
        assertThat(agreement.entitlements().getFirst().expiration()).hasToString("2027-01-01T00:00:00Z");
    }

    @Test
    void invalidSubscriptionsNameTheField() {
        client.post("/_sim/products", CONTRACT);

        assertThat(fieldOf(client.post("/_sim/agreements", "{\"productCode\":\"contract-1\"}")))
                .isEqualTo("buyerAccountId");
        assertThat(fieldOf(
                        client.post("/_sim/agreements", "{\"productCode\":\"contract-1\",\"buyerAccountId\":\"12\"}")))
                .isEqualTo("buyerAccountId");
        assertThat(fieldOf(subscribe("\"offerType\":\"gratis\""))).isEqualTo("offerType");
        assertThat(fieldOf(subscribe("\"entitlements\":[{\"dimension\":\"nope\",\"value\":1}]")))
                .isEqualTo("entitlements[0].dimension");
        assertThat(fieldOf(subscribe("\"entitlements\":[{\"dimension\":\"seats\",\"value\":[1]}]")))
                .isEqualTo("entitlements[0].value");
        assertThat(fieldOf(subscribe("\"entitlements\":[{\"dimension\":\"overage\",\"value\":1}]")))
                .isEqualTo("entitlements[0].dimension");
        var unknownProduct =
                client.post("/_sim/agreements", "{\"productCode\":\"none\",\"buyerAccountId\":\"" + BUYER + "\"}");
        assertThat(unknownProduct.status()).isEqualTo(404);
        assertThat(fieldOf(unknownProduct)).isEqualTo("productCode");
    }

    @Test
    void lifecycleEndpointsMoveTheAgreementAndUnknownIdsAre404() {
        client.post("/_sim/products", CONTRACT);
        String id = subscribe("\"autoSucceed\":false")
                .json()
                .get("agreement")
                .get("id")
                .stringValue();
        assertThat(sim.state().requireAgreement(id).status()).isEqualTo(AgreementStatus.PENDING);

        assertThat(statusAfter("/_sim/agreements/" + id + "/succeed")).isEqualTo("active");
        assertThat(statusAfter("/_sim/agreements/" + id + "/cancel")).isEqualTo("unsubscribe-pending");
        assertThat(statusAfter("/_sim/agreements/" + id + "/complete-cancel")).isEqualTo("unsubscribed");
        assertThat(statusAfter("/_sim/agreements/" + id + "/fail")).isEqualTo("failed");
        assertThat(client.post("/_sim/agreements/agmt-unknown/succeed", "").status())
                .isEqualTo(404);
        assertThat(client.get("/_sim/agreements/agmt-unknown").status()).isEqualTo(404);
    }

    @Test
    void tokenEndpointIssuesAFreshTokenForTheSameAgreement() {
        client.post("/_sim/products", CONTRACT);
        var subscribed = subscribe("\"autoSucceed\":true").json();
        String id = subscribed.get("agreement").get("id").stringValue();

        var fresh = client.post("/_sim/agreements/" + id + "/token", "");

        assertThat(fresh.status()).isEqualTo(201);
        String token = fresh.json().get("token").stringValue();
        assertThat(token)
                .isNotEqualTo(subscribed.get("registrationToken").get("token").stringValue());
        assertThat(sim.state().token(token))
                .get()
                .extracting(t -> t.agreementId())
                .isEqualTo(id);
    }

    @Test
    void contractEntitlementsAreReplacedAndAgreementsFilteredByBuyerAndProduct() {
        client.post("/_sim/products", CONTRACT);
        String id = subscribe("\"entitlements\":[{\"dimension\":\"seats\",\"value\":1}]")
                .json()
                .get("agreement")
                .get("id")
                .stringValue();
        client.post("/_sim/agreements", "{\"productCode\":\"contract-1\",\"buyerAccountId\":\"333344445555\"}");

        var changed = client.put(
                "/_sim/agreements/" + id + "/entitlements",
                "{\"entitlements\":[{\"dimension\":\"seats\",\"value\":20}]}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(sim.state().requireAgreement(id).entitlements())
                .extracting(EntitlementGrant::value)
                .containsExactly(20);
        assertThat(client.get("/_sim/agreements?buyerAccountId=" + BUYER).json())
                .hasSize(1);
        assertThat(client.get("/_sim/agreements?productCode=contract-1").json()).hasSize(2);
        assertThat(client.get("/_sim/agreements?productCode=other").json()).isEmpty();
        assertThat(fieldOf(client.put("/_sim/agreements/" + id + "/entitlements", "{}")))
                .isEqualTo("entitlements");
    }

    @Test
    void buyersGetAGeneratedAccountIdAndCanBeSuspended() {
        var created = client.post("/_sim/buyers", "{\"name\":\"Example Corp\"}");

        assertThat(created.status()).isEqualTo(201);
        String accountId = created.json().get("accountId").stringValue();
        assertThat(accountId).matches("[0-9]{12}");
        assertThat(client.post("/_sim/buyers/" + accountId + "/suspend", "")
                        .json()
                        .get("suspended")
                        .booleanValue())
                .isTrue();
        assertThat(sim.state().findBuyer(accountId))
                .get()
                .extracting(b -> b.suspended())
                .isEqualTo(true);
        assertThat(client.post("/_sim/buyers/" + accountId + "/unsuspend", "")
                        .json()
                        .get("suspended")
                        .booleanValue())
                .isFalse();
        assertThat(client.get("/_sim/buyers").json()).hasSize(1);
        assertThat(client.post("/_sim/buyers/000000000000/suspend", "").status())
                .isEqualTo(404);
        assertThat(fieldOf(client.post("/_sim/buyers", "{\"accountId\":\"abc\"}")))
                .isEqualTo("accountId");
    }

    @Test
    void demoEndpointSeedsTheDemoProductsAndBuyers() {
        var reply = client.post("/_sim/demo", "{\"fulfillmentBaseUrl\":\"http://localhost:9999/f\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(sim.state().product(DemoCatalog.DEMO_PRODUCT))
                .get()
                .extracting(p -> p.fulfillmentUrl())
                .isEqualTo("http://localhost:9999/f/demo-product");
        assertThat(sim.state().product(DemoCatalog.DEMO_CONTRACT)).isPresent();
        assertThat(sim.state().buyers()).hasSize(2);
    }

    @Test
    void changesPostedByAWebPageOfAnotherOriginAreRefused() throws Exception {
        var request = HttpRequest.newBuilder(sim.endpoint().resolve("/_sim/buyers"))
                .header("Origin", "https://attacker.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}"))
                .build();

        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(sim.state().buyers()).isEmpty();
    }

    private ControlClient.Reply subscribe(String extraFields) {
        return client.post(
                "/_sim/agreements",
                "{\"productCode\":\"contract-1\",\"buyerAccountId\":\"" + BUYER + "\"," + extraFields + "}");
    }

    private String statusAfter(String path) {
        return client.post(path, "").json().get("status").stringValue();
    }

    private static String fieldOf(ControlClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isIn(400, 404);
        return reply.json().get("field").stringValue();
    }
}
