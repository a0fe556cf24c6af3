package io.marketgate.simulator.metering;

import static io.marketgate.simulator.MarketplaceFixtures.SELLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.simulator.AwsClients;
import io.marketgate.simulator.MarketplaceFixtures;
import io.marketgate.simulator.RawAwsJson;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.Buyer;
import io.marketgate.simulator.state.IdentityMode;
import io.marketgate.simulator.state.SimState;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.ExpiredTokenException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidTokenException;
import software.amazon.awssdk.services.marketplacemetering.model.ResolveCustomerResponse;

class ResolveCustomerTest {

    static Simulator sim;
    static MarketplaceMeteringClient metering;

    @BeforeAll
    static void start() {
        sim = MarketplaceFixtures.simulator(101).build().start();
        metering = AwsClients.metering(sim);
        MarketplaceFixtures.product(sim.state(), "legacyprod", IdentityMode.LEGACY);
        MarketplaceFixtures.product(sim.state(), "accountprod", IdentityMode.ACCOUNT);
        MarketplaceFixtures.product(sim.state(), "licenseprod", IdentityMode.LICENSE);
    }

    @AfterAll
    static void stop() {
        metering.close();
        sim.close();
    }

    @Test
    void legacyProductResolvesToCustomerIdentifierAccountAndProductCode() {
        SimState.Subscription subscription = MarketplaceFixtures.subscribe(sim.state(), "legacyprod", "210000000001");
        Buyer buyer = sim.state().buyer("210000000001");

        ResolveCustomerResponse response = metering.resolveCustomer(
                r -> r.registrationToken(subscription.token().token()));

        assertThat(response.customerIdentifier()).isEqualTo(buyer.customerIdentifier());
        assertThat(response.customerAWSAccountId()).isEqualTo("210000000001");
        assertThat(response.productCode()).isEqualTo("legacyprod");
    }

    @Test
    void accountProductResolvesToAccountAndProductCode() {
        SimState.Subscription subscription = MarketplaceFixtures.subscribe(sim.state(), "accountprod", "210000000002");

        ResolveCustomerResponse response = metering.resolveCustomer(
                r -> r.registrationToken(subscription.token().token()));

        assertThat(response.customerAWSAccountId()).isEqualTo("210000000002");
        assertThat(response.productCode()).isEqualTo("accountprod");
    }

    @Test
    void licenseProductResolvesToLicenseArnWithoutCustomerIdentifier() throws Exception {
        SimState.Subscription subscription = MarketplaceFixtures.subscribe(sim.state(), "licenseprod", "210000000003");

        // The pinned SDK drops LicenseArn from the response, so read the wire answer.
        RawAwsJson.Response response = RawAwsJson.marketplace(sim)
                .metering(
                        "ResolveCustomer",
                        RawAwsJson.JSON
                                .createObjectNode()
                                .put("RegistrationToken", subscription.token().token()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("LicenseArn").asString())
                .isEqualTo(subscription.agreement().licenseArn());
        assertThat(response.body().get("CustomerAWSAccountId").asString()).isEqualTo("210000000003");
        assertThat(response.body().get("ProductCode").asString()).isEqualTo("licenseprod");
        assertThat(response.body().has("CustomerIdentifier")).isFalse();
        ResolveCustomerResponse sdk = metering.resolveCustomer(
                r -> r.registrationToken(subscription.token().token()));
        assertThat(sdk.customerIdentifier()).isNull();
    }

    @Test
    void legacyAndAccountProductsAlsoGetTheAccountIdAndTheLicenseArn() throws Exception {
        for (String product : new String[] {"legacyprod", "accountprod"}) {
            String buyer = "legacyprod".equals(product) ? "210000000006" : "210000000007";
            SimState.Subscription subscription = MarketplaceFixtures.subscribe(sim.state(), product, buyer);

            RawAwsJson.Response response = RawAwsJson.marketplace(sim)
                    .metering(
                            "ResolveCustomer",
                            RawAwsJson.JSON
                                    .createObjectNode()
                                    .put(
                                            "RegistrationToken",
                                            subscription.token().token()));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body().get("LicenseArn").asString())
                    .as(product)
                    .isEqualTo(subscription.agreement().licenseArn());
            assertThat(response.body().get("CustomerAWSAccountId").asString()).isEqualTo(buyer);
            assertThat(response.body().get("CustomerIdentifier").asString())
                    .isEqualTo(sim.state().buyer(buyer).customerIdentifier());
        }
    }

    @Test
    void sameTokenGivesTheSameAnswerUntilItExpires() {
        SimState.Subscription subscription = MarketplaceFixtures.subscribe(sim.state(), "accountprod", "210000000004");
        String token = subscription.token().token();

        ResolveCustomerResponse first = metering.resolveCustomer(r -> r.registrationToken(token));
        sim.clock().advance(Duration.ofHours(3).plusMinutes(59));
        try {
            ResolveCustomerResponse again = metering.resolveCustomer(r -> r.registrationToken(token));
            assertThat(again.toString()).isEqualTo(first.toString());
            sim.clock().advance(Duration.ofMinutes(1));
            assertThatThrownBy(() -> metering.resolveCustomer(r -> r.registrationToken(token)))
                    .isInstanceOf(ExpiredTokenException.class)
                    .satisfies(e ->
                            assertThat(((ExpiredTokenException) e).statusCode()).isEqualTo(400));
        } finally {
            sim.clock().reset();
        }
    }

    @Test
    void unknownTokenIsInvalidToken() {
        assertThatThrownBy(() -> metering.resolveCustomer(r -> r.registrationToken("not-a-token")))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("Registration token is invalid")
                .satisfies(e ->
                        assertThat(((InvalidTokenException) e).statusCode()).isEqualTo(400));
    }

    @Test
    void emptyTokenIsInvalidTokenWithTheModelConstraintInTheMessage() throws Exception {
        RawAwsJson.Response response = RawAwsJson.marketplace(sim)
                .metering("ResolveCustomer", RawAwsJson.JSON.createObjectNode().put("RegistrationToken", ""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("InvalidTokenException");
        assertThat(response.message()).contains("at 'registrationToken' failed to satisfy constraint");
    }

    @Test
    void tokenResolvedByAnAccountThatDidNotPublishTheProductIsInvalidToken() {
        SimState.Subscription subscription = MarketplaceFixtures.subscribe(sim.state(), "legacyprod", "210000000005");
        try (MarketplaceMeteringClient otherAccount = AwsClients.metering(
                sim,
                AwsClients.dummyCredentials(MarketplaceFixtures.OTHER_ACCOUNT),
                software.amazon.awssdk.core.client.config.ClientOverrideConfiguration.builder()
                        .build())) {
            assertThatThrownBy(() -> otherAccount.resolveCustomer(
                            r -> r.registrationToken(subscription.token().token())))
                    .isInstanceOf(InvalidTokenException.class)
                    .hasMessageContaining("account that published the product");
        }
        assertThat(sim.state().product("legacyprod").orElseThrow().sellerAccountId())
                .isEqualTo(SELLER);
    }
}
