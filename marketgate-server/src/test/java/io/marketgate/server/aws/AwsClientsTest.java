package io.marketgate.server.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.server.product.Dimension;
import io.marketgate.server.product.DimensionType;
import io.marketgate.server.product.IdentityMode;
import io.marketgate.server.product.Onboarding;
import io.marketgate.server.product.PricingModel;
import io.marketgate.server.product.Product;
import io.marketgate.server.product.Seller;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.metering.LedgerEntry;
import io.marketgate.simulator.state.EntitlementGrant;
import io.marketgate.simulator.state.SubscribeOptions;
import io.marketgate.simulator.sts.RegisteredRole;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecordResultStatus;
import software.amazon.awssdk.services.sts.model.StsException;

/** The real SDK clients of {@link AwsClients} against a simulator over HTTP, seen through a recording proxy. */
class AwsClientsTest {

    private static final String PUBLISHER = "111122223333";
    /** The account Marketgate itself runs in when it sells through a role in the publishing account. */
    private static final String APP_ACCOUNT = "777788889999";

    private static final String BUYER = "222233334444";
    private static final String ROLE = "arn:aws:iam::" + PUBLISHER + ":role/marketplace-metering";
    private static final String METERED_CODE = "acme-metered";
    private static final String CONTRACT_CODE = "acme-contract";

    private Simulator sim;
    private RecordingProxy proxy;
    private JvmCredentials appCredentials;
    private AwsClients clients;

    @BeforeEach
    void startSimulator() {
        sim = Simulator.builder().port(0).seed(7).build().start();
        proxy = RecordingProxy.to(sim.endpoint());
        appCredentials = JvmCredentials.ofAccount(APP_ACCOUNT);
        sim.stsRoles().register(new RegisteredRole(ROLE, "partner-42"));
        putMeteredProduct();
        putContractProduct();
    }

    @AfterEach
    void stop() {
        if (clients != null) {
            clients.close();
        }
        appCredentials.close();
        proxy.close();
        sim.close();
    }

    @Test
    void simulatorCredentialsReachTheSellersAccount() {
        clients = clients(true);

        CallerIdentity identity = clients.callerIdentity(seller("acme", "444455556666", null, null));

        assertThat(identity.sellerId()).isEqualTo("acme");
        assertThat(identity.account()).isEqualTo("444455556666");
    }

    @Test
    void roleWithItsExternalIdReachesThePublishingAccountFromAnotherAccount() {
        clients = clients(false);

        CallerIdentity identity = clients.callerIdentity(seller("reseller", PUBLISHER, ROLE, "partner-42"));

        assertThat(identity.account()).isEqualTo(PUBLISHER);
        assertThat(identity.arn())
                .isEqualTo("arn:aws:sts::" + PUBLISHER + ":assumed-role/marketplace-metering/marketgate-reseller");
    }

    @Test
    void wrongExternalIdIsDeniedBySts() {
        clients = clients(false);
        Seller seller = seller("reseller", PUBLISHER, ROLE, "not-the-partner");

        assertThatThrownBy(() -> clients.callerIdentity(seller))
                .isInstanceOf(SdkException.class)
                .satisfies(e -> assertThat(stsErrorCode(e)).isEqualTo("AccessDenied"));
        assertThat(proxy.count("GetCallerIdentity")).isZero();
    }

    @Test
    void meteringClientsOfOneSellerShareCredentialsAndAssumeTheRoleOnce() {
        clients = clients(false);
        Seller seller = seller("reseller", PUBLISHER, ROLE, "partner-42");
        MarketplaceMeteringClient usEast = clients.metering(meteredProduct(seller, "us-east-1"));
        MarketplaceMeteringClient euWest = clients.metering(meteredProduct(seller, "eu-west-1"));

        meterOneUser(usEast);
        meterOneUser(euWest);
        clients.callerIdentity(seller);
        clients.callerIdentity(seller);

        assertThat(usEast).isNotSameAs(euWest);
        assertThat(usEast.serviceClientConfiguration().credentialsProvider())
                .isSameAs(euWest.serviceClientConfiguration().credentialsProvider())
                .isSameAs(clients.credentials(seller));
        assertThat(proxy.count("AssumeRole")).isEqualTo(1);
        assertThat(sim.ledger().entries())
                .extracting(LedgerEntry::callingAccountId)
                .containsExactly(PUBLISHER, PUBLISHER);
    }

    @Test
    void meteringClientBillsInTheProductsMeteringRegion() {
        clients = clients(true);
        Product product = meteredProduct(seller("acme", PUBLISHER, null, null), "eu-west-1");

        meterOneUser(clients.metering(product));

        assertThat(sim.ledger().entries()).singleElement().satisfies(entry -> {
            assertThat(entry.region()).isEqualTo("eu-west-1");
            assertThat(entry.customerAwsAccountId()).isEqualTo(BUYER);
        });
    }

    @Test
    void entitlementClientCallsUsEast1WhateverTheMeteringRegion() {
        clients = clients(true);
        Product product = new Product(
                "contract",
                CONTRACT_CODE,
                seller("acme", PUBLISHER, null, null),
                IdentityMode.ACCOUNT,
                PricingModel.CONTRACT,
                "eu-west-1",
                List.of(new Dimension("seats", "seats", DimensionType.ENTITLEMENT)),
                Onboarding.AUTOMATIC,
                null);
        var entitlement = clients.entitlement(product.seller());

        var response = entitlement.getEntitlements(r -> r.productCode(product.productCode()));

        assertThat(response.entitlements())
                .singleElement()
                .satisfies(e -> assertThat(e.value().integerValue()).isEqualTo(10));
        assertThat(proxy.calls())
                .filteredOn(c -> c.operation().equals("GetEntitlements"))
                .extracting(RecordingProxy.Call::region)
                .containsOnly("us-east-1");
        assertThat(entitlement.serviceClientConfiguration().region()).isEqualTo(Region.US_EAST_1);
    }

    private AwsClients clients(boolean simulatorCredentials) {
        return new AwsClients(
                new AwsEndpoints(Optional.of(proxy.endpoint()), Optional.empty(), simulatorCredentials),
                ApacheHttpClient.builder().build(),
                Duration.ofSeconds(10));
    }

    private static Seller seller(String id, String accountId, String roleArn, String externalId) {
        return new Seller(id, accountId, roleArn, externalId, "us-east-1");
    }

    private static Product meteredProduct(Seller seller, String meteringRegion) {
        return new Product(
                "metered-" + meteringRegion,
                METERED_CODE,
                seller,
                IdentityMode.ACCOUNT,
                PricingModel.SUBSCRIPTION,
                meteringRegion,
                List.of(new Dimension("users", "users", DimensionType.METERED)),
                Onboarding.AUTOMATIC,
                null);
    }

    private static void meterOneUser(MarketplaceMeteringClient metering) {
        var response = metering.batchMeterUsage(
                r -> r.productCode(METERED_CODE).usageRecords(u -> u.customerAWSAccountId(BUYER)
                        .dimension("users")
                        .quantity(1)
                        .timestamp(Instant.now().truncatedTo(ChronoUnit.SECONDS))));
        assertThat(response.results()).singleElement().satisfies(result -> assertThat(result.status())
                .isEqualTo(UsageRecordResultStatus.SUCCESS));
    }

    /** AWS's error code, wherever the SDK wrapped the STS error (credential providers wrap it). */
    private static String stsErrorCode(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof StsException sts) {
                return sts.awsErrorDetails().errorCode();
            }
        }
        return "no StsException in " + thrown;
    }

    private void putMeteredProduct() {
        sim.state()
                .putProduct(new io.marketgate.simulator.state.Product(
                        METERED_CODE,
                        "Acme metered",
                        PUBLISHER,
                        io.marketgate.simulator.state.IdentityMode.ACCOUNT,
                        io.marketgate.simulator.state.PricingModel.SUBSCRIPTION,
                        List.of(new io.marketgate.simulator.state.Dimension("users", "Active users", true)),
                        null,
                        null,
                        null));
        sim.state().subscribe(METERED_CODE, BUYER, SubscribeOptions.standard());
    }

    private void putContractProduct() {
        sim.state()
                .putProduct(new io.marketgate.simulator.state.Product(
                        CONTRACT_CODE,
                        "Acme contract",
                        PUBLISHER,
                        io.marketgate.simulator.state.IdentityMode.ACCOUNT,
                        io.marketgate.simulator.state.PricingModel.CONTRACT,
                        List.of(new io.marketgate.simulator.state.Dimension("seats", "Seats", false)),
                        null,
                        null,
                        null));
        sim.state()
                .subscribe(
                        CONTRACT_CODE,
                        BUYER,
                        new SubscribeOptions(
                                null,
                                null,
                                null,
                                List.of(new EntitlementGrant(
                                        "seats", 10, Instant.now().plus(Duration.ofDays(365)))),
                                true));
    }
}
