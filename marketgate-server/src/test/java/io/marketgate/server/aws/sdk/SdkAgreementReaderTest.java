package io.marketgate.server.aws.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.aws.AgreementRead;
import io.marketgate.server.product.IdentityMode;
import io.marketgate.server.product.Seller;
import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.SubscribeOptions;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DescribeAgreement and GetAgreementTerms through the real SDK against the simulator over HTTP. */
class SdkAgreementReaderTest {

    private static final String BUYER = "222233334444";
    private static final String RESELLER = "888877776666";

    private SimulatedMarketplace market;

    @AfterEach
    void stop() {
        if (market != null) {
            market.close();
        }
    }

    private AgreementRead describe(String agreementId) {
        return new SdkAgreementReader(market.clients()).describe(market.product(IdentityMode.LICENSE), agreementId);
    }

    @Test
    void activeAgreementIsFoundWithItsPartiesAndNoFreeTrial() {
        market = SimulatedMarketplace.direct();
        Agreement agreement = market.subscribe(IdentityMode.LICENSE, BUYER).agreement();

        AgreementRead read = describe(agreement.id());

        assertThat(read)
                .isEqualTo(new AgreementRead.Found(
                        agreement.id(),
                        "ACTIVE",
                        BUYER,
                        SimulatedMarketplace.PUBLISHER,
                        agreement.createdAt().truncatedTo(ChronoUnit.MILLIS),
                        null,
                        false));
    }

    @Test
    void freeTrialIsReadFromTheAcceptedTerms() {
        market = SimulatedMarketplace.direct();
        Agreement trial = market.subscribe(
                        IdentityMode.LICENSE, BUYER, new SubscribeOptions("free-trial", null, null, List.of(), true))
                .agreement();

        AgreementRead read = describe(trial.id());

        assertThat(read).isInstanceOfSatisfying(AgreementRead.Found.class, f -> assertThat(f.freeTrial())
                .isTrue());
    }

    @Test
    void cancelledAgreementReadsCancelledWithItsEnd() {
        market = SimulatedMarketplace.direct();
        Agreement agreement = market.subscribe(IdentityMode.LICENSE, BUYER).agreement();
        market.state().cancel(agreement.id());

        AgreementRead read = describe(agreement.id());

        assertThat(read).isInstanceOfSatisfying(AgreementRead.Found.class, f -> {
            assertThat(f.status()).isEqualTo("CANCELLED");
            assertThat(f.endTime()).isNotNull();
        });
    }

    @Test
    void unknownAgreementIsNotFound() {
        market = SimulatedMarketplace.direct();

        assertThat(describe("agmt-unknown")).isInstanceOf(AgreementRead.NotFound.class);
    }

    @Test
    void accountThatIsNoPartyFailsWithoutRetry() {
        market = SimulatedMarketplace.direct();
        Agreement agreement = market.subscribe(IdentityMode.LICENSE, BUYER).agreement();
        Seller stranger = new Seller("stranger", "999988887777", null, null, "us-east-1");

        AgreementRead read = new SdkAgreementReader(market.clients())
                .describe(market.product(IdentityMode.LICENSE, stranger), agreement.id());

        assertThat(read).isInstanceOfSatisfying(AgreementRead.Failed.class, f -> {
            assertThat(f.retryable()).isFalse();
            assertThat(f.message()).startsWith("AccessDeniedException");
        });
    }

    @Test
    void persistentThrottlingFailsRetryably() {
        market = SimulatedMarketplace.direct();
        Agreement agreement = market.subscribe(IdentityMode.LICENSE, BUYER).agreement();
        market.fault("GetAgreementTerms", "{\"throttlePercent\": 100}");

        AgreementRead read = describe(agreement.id());

        assertThat(read).isInstanceOfSatisfying(AgreementRead.Failed.class, f -> assertThat(f.retryable())
                .isTrue());
    }

    @Test
    void internalErrorFailsRetryably() {
        market = SimulatedMarketplace.direct();
        Agreement agreement = market.subscribe(IdentityMode.LICENSE, BUYER).agreement();
        market.fault("DescribeAgreement", "{\"errorPercent\": 100}");

        AgreementRead read = describe(agreement.id());

        assertThat(read).isInstanceOfSatisfying(AgreementRead.Failed.class, f -> assertThat(f.retryable())
                .isTrue());
    }

    @Test
    void resellersChannelSaleIsReadThroughTheRoleWithTheResellerAsProposer() {
        market = SimulatedMarketplace.throughRole();
        Agreement agreement = market.subscribe(
                        IdentityMode.LICENSE, BUYER, new SubscribeOptions(null, null, RESELLER, List.of(), true))
                .agreement();

        AgreementRead read = describe(agreement.id());

        assertThat(read).isInstanceOfSatisfying(AgreementRead.Found.class, f -> {
            assertThat(f.proposerAccountId()).isEqualTo(RESELLER);
            assertThat(f.acceptorAccountId()).isEqualTo(BUYER);
        });
        assertThat(market.proxy.count("AssumeRole")).isEqualTo(1);
    }
}
