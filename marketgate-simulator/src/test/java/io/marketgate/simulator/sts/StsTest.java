package io.marketgate.simulator.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.simulator.AwsClients;
import io.marketgate.simulator.ControlApi;
import io.marketgate.simulator.MarketplaceFixtures;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.IdentityMode;
import io.marketgate.simulator.state.SimState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidTokenException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

class StsTest {

    static final String APP_ACCOUNT = "777788889999";
    static final String ROLE = "arn:aws:iam::" + MarketplaceFixtures.SELLER + ":role/marketplace-metering";
    static Simulator sim;
    static StsClient appSts;

    @BeforeAll
    static void start() throws Exception {
        sim = MarketplaceFixtures.simulator(606).build().start();
        appSts = AwsClients.sts(sim, APP_ACCOUNT);
        MarketplaceFixtures.product(sim.state(), "legacyprod", IdentityMode.LEGACY);
        ControlApi.Response registered =
                new ControlApi(sim).post("/_sim/roles", "{\"roleArn\":\"" + ROLE + "\",\"externalId\":\"partner-42\"}");
        assertThat(registered.status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        appSts.close();
        sim.close();
    }

    @Test
    void twelveDigitAccessKeyIsThatAccountAndOtherKeysTheDefaultAccount() {
        assertThat(appSts.getCallerIdentity().account()).isEqualTo(APP_ACCOUNT);
        try (StsClient other = AwsClients.sts(sim, "AKIDEXAMPLE")) {
            GetCallerIdentityResponse identity = other.getCallerIdentity();
            assertThat(identity.account()).isEqualTo(MarketplaceFixtures.SELLER);
            assertThat(identity.arn()).isEqualTo("arn:aws:iam::" + MarketplaceFixtures.SELLER + ":user/simulator");
        }
    }

    @Test
    void assumeRoleWithTheRightExternalIdIssuesCredentialsOfTheRoleAccount() {
        AssumeRoleResponse response = appSts.assumeRole(
                r -> r.roleArn(ROLE).roleSessionName("metering").externalId("partner-42"));

        assertThat(response.credentials().accessKeyId()).startsWith("ASIA");
        assertThat(response.credentials().expiration()).isEqualTo(MarketplaceFixtures.NOW.plusSeconds(3600));
        assertThat(response.assumedRoleUser().arn())
                .isEqualTo(
                        "arn:aws:sts::" + MarketplaceFixtures.SELLER + ":assumed-role/marketplace-metering/metering");
        assertThat(sim.sigV4().accountOf(response.credentials().accessKeyId())).isEqualTo(MarketplaceFixtures.SELLER);
    }

    @Test
    void wrongOrMissingExternalIdIsAccessDenied() {
        assertThatThrownBy(() -> appSts.assumeRole(
                        r -> r.roleArn(ROLE).roleSessionName("session").externalId("guess")))
                .isInstanceOf(StsException.class)
                .satisfies(e -> {
                    StsException error = (StsException) e;
                    assertThat(error.statusCode()).isEqualTo(403);
                    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(error.getMessage()).contains("is not authorized to perform: sts:AssumeRole");
                });
        assertThatThrownBy(() -> appSts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("session")))
                .isInstanceOf(StsException.class)
                .satisfies(e -> assertThat(((StsException) e).awsErrorDetails().errorCode())
                        .isEqualTo("AccessDenied"));
    }

    @Test
    void unregisteredRoleIsAssumableInLenientModeOnly() {
        String unregistered = "arn:aws:iam::123456789012:role/anything";
        assertThat(appSts.assumeRole(r -> r.roleArn(unregistered).roleSessionName("session"))
                        .credentials())
                .isNotNull();
        try (Simulator strict = MarketplaceFixtures.simulator(607)
                        .strictSignatures(true)
                        .build()
                        .start();
                StsClient sts = AwsClients.sts(strict, APP_ACCOUNT)) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(unregistered).roleSessionName("session")))
                    .isInstanceOf(StsException.class)
                    .satisfies(
                            e -> assertThat(((StsException) e).awsErrorDetails().errorCode())
                                    .isEqualTo("AccessDenied"));
        }
    }

    @Test
    void resellerAppAssumesTheSellerRoleToResolveCustomers() {
        SimState.Subscription subscription = MarketplaceFixtures.subscribe(sim.state(), "legacyprod", "260000000001");
        String token = subscription.token().token();
        try (MarketplaceMeteringClient asApp = AwsClients.metering(
                sim,
                AwsClients.dummyCredentials(APP_ACCOUNT),
                ClientOverrideConfiguration.builder().build())) {
            assertThatThrownBy(() -> asApp.resolveCustomer(r -> r.registrationToken(token)))
                    .isInstanceOf(InvalidTokenException.class);
        }
        try (StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder()
                        .stsClient(appSts)
                        .refreshRequest(r ->
                                r.roleArn(ROLE).roleSessionName("marketgate").externalId("partner-42"))
                        .build();
                MarketplaceMeteringClient asSeller = AwsClients.metering(
                        sim, assumed, ClientOverrideConfiguration.builder().build())) {
            assertThat(asSeller.resolveCustomer(r -> r.registrationToken(token)).customerAWSAccountId())
                    .isEqualTo("260000000001");
        }
    }

    @Test
    void rolesAreListedThroughTheControlApi() throws Exception {
        ControlApi.Response roles = new ControlApi(sim).get("/_sim/roles");
        assertThat(roles.json().get(0).get("accountId").asString()).isEqualTo(MarketplaceFixtures.SELLER);
        assertThat(new ControlApi(sim)
                        .post("/_sim/roles", "{\"roleArn\":\"nope\"}")
                        .status())
                .isEqualTo(400);
    }
}
