package io.marketgate.simulator.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.simulator.AwsClients;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.faults.FaultSpec;
import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.Dimension;
import io.marketgate.simulator.state.EntitlementGrant;
import io.marketgate.simulator.state.IdentityMode;
import io.marketgate.simulator.state.PricingModel;
import io.marketgate.simulator.state.Product;
import io.marketgate.simulator.state.SubscribeOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplaceagreement.MarketplaceAgreementClient;
import software.amazon.awssdk.services.marketplaceagreement.model.AcceptedTerm;
import software.amazon.awssdk.services.marketplaceagreement.model.AccessDeniedException;
import software.amazon.awssdk.services.marketplaceagreement.model.AgreementStatus;
import software.amazon.awssdk.services.marketplaceagreement.model.DescribeAgreementResponse;
import software.amazon.awssdk.services.marketplaceagreement.model.GetAgreementTermsResponse;
import software.amazon.awssdk.services.marketplaceagreement.model.InternalServerException;
import software.amazon.awssdk.services.marketplaceagreement.model.ResourceNotFoundException;
import software.amazon.awssdk.services.marketplaceagreement.model.ThrottlingException;

/** DescribeAgreement and GetAgreementTerms through the real AWS SDK (awsJson 1.0) against the simulator. */
class AgreementApiSdkTest {

    private static final String SELLER = "111122223333";
    private static final String BUYER = "222233334444";
    private static final String RESELLER = "888877776666";
    private static final String CODE = "acme-agreements";
    private static final Instant EXPIRES = Instant.parse("2027-12-01T00:00:00Z");

    private Simulator sim;
    private final List<MarketplaceAgreementClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        sim = Simulator.builder().port(0).seed(3).build().start();
        sim.state()
                .putProduct(new Product(
                        CODE,
                        "Acme",
                        SELLER,
                        IdentityMode.LICENSE,
                        PricingModel.CONTRACT_WITH_CONSUMPTION,
                        List.of(new Dimension("seats", "Seats", false), new Dimension("users", "Users", true)),
                        null,
                        null,
                        null));
    }

    @AfterEach
    void stop() {
        clients.forEach(MarketplaceAgreementClient::close);
        sim.close();
    }

    private MarketplaceAgreementClient client(String account) {
        MarketplaceAgreementClient client = MarketplaceAgreementClient.builder()
                .endpointOverride(sim.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(AwsClients.dummyCredentials(account))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        clients.add(client);
        return client;
    }

    private Agreement subscribe(SubscribeOptions options) {
        return sim.state().subscribe(CODE, BUYER, options).agreement();
    }

    @Test
    void describesStatusPartiesAndTimesOfAnActiveContract() {
        Agreement agreement = subscribe(
                new SubscribeOptions(null, "offer-1", null, List.of(new EntitlementGrant("seats", 10, EXPIRES)), true));

        DescribeAgreementResponse described = client(SELLER).describeAgreement(r -> r.agreementId(agreement.id()));

        assertThat(described.agreementId()).isEqualTo(agreement.id());
        assertThat(described.status()).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(described.acceptor().accountId()).isEqualTo(BUYER);
        assertThat(described.proposer().accountId()).isEqualTo(SELLER);
        assertThat(described.agreementType()).isEqualTo("PurchaseAgreement");
        assertThat(described.startTime())
                .isEqualTo(agreement.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(described.endTime()).isEqualTo(EXPIRES);
        assertThat(described.proposalSummary().offerId()).isEqualTo("offer-1");
        assertThat(described.proposalSummary().resources()).singleElement().satisfies(r -> assertThat(r.type())
                .isEqualTo("SaaSProduct"));
    }

    @Test
    void cancelledAgreementEndsAtItsCancellationAndFailedPaymentIsTerminated() {
        Agreement cancelled = subscribe(SubscribeOptions.standard());
        sim.state().cancel(cancelled.id());
        Agreement failed = subscribe(new SubscribeOptions(null, null, null, List.of(), false));
        sim.state().fail(failed.id());

        DescribeAgreementResponse first = client(SELLER).describeAgreement(r -> r.agreementId(cancelled.id()));
        DescribeAgreementResponse second = client(SELLER).describeAgreement(r -> r.agreementId(failed.id()));

        assertThat(first.status()).isEqualTo(AgreementStatus.CANCELLED);
        assertThat(first.endTime()).isNotNull();
        assertThat(second.status()).isEqualTo(AgreementStatus.TERMINATED);
    }

    @Test
    void freeTrialShowsAsAFreeTrialPricingTermInTheAcceptedTerms() {
        Agreement trial = subscribe(new SubscribeOptions("free-trial", null, null, List.of(), true));

        GetAgreementTermsResponse terms = client(SELLER).getAgreementTerms(r -> r.agreementId(trial.id()));

        assertThat(terms.acceptedTerms())
                .filteredOn(t -> t.freeTrialPricingTerm() != null)
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.freeTrialPricingTerm().type()).isEqualTo("FreeTrialPricingTerm");
                    assertThat(t.freeTrialPricingTerm().duration()).isEqualTo("P30D");
                    assertThat(t.freeTrialPricingTerm().grants()).isNotEmpty();
                });
    }

    @Test
    void paidAgreementHasNoFreeTrialButItsContractUnitsAndUsagePricing() {
        Agreement paid = subscribe(
                new SubscribeOptions(null, null, null, List.of(new EntitlementGrant("seats", 10, EXPIRES)), true));

        GetAgreementTermsResponse terms = client(SELLER).getAgreementTerms(r -> r.agreementId(paid.id()));

        assertThat(terms.acceptedTerms()).noneMatch(t -> t.freeTrialPricingTerm() != null);
        assertThat(terms.acceptedTerms())
                .filteredOn(t -> t.configurableUpfrontPricingTerm() != null)
                .singleElement()
                .satisfies(t -> assertThat(t.configurableUpfrontPricingTerm()
                                .configuration()
                                .dimensions())
                        .singleElement()
                        .satisfies(d -> {
                            assertThat(d.dimensionKey()).isEqualTo("seats");
                            assertThat(d.dimensionValue()).isEqualTo(10);
                        }));
        assertThat(terms.acceptedTerms()).anyMatch(t -> t.usageBasedPricingTerm() != null);
        assertThat(terms.acceptedTerms()).anyMatch(t -> t.legalTerm() != null);
    }

    @Test
    void termsPageWithANextToken() {
        Agreement trial = subscribe(new SubscribeOptions(
                "free-trial", null, null, List.of(new EntitlementGrant("seats", 1, EXPIRES)), true));
        MarketplaceAgreementClient seller = client(SELLER);

        List<AcceptedTerm> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            GetAgreementTermsResponse page = seller.getAgreementTerms(
                    r -> r.agreementId(trial.id()).maxResults(1).nextToken(next));
            all.addAll(page.acceptedTerms());
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(4);
        assertThat(all).hasSize(4).anyMatch(t -> t.freeTrialPricingTerm() != null);
    }

    @Test
    void resellerProposesAChannelSaleAndTheSellerMayReadIt() {
        Agreement channel = subscribe(new SubscribeOptions(null, null, RESELLER, List.of(), true));

        DescribeAgreementResponse bySeller = client(SELLER).describeAgreement(r -> r.agreementId(channel.id()));
        DescribeAgreementResponse byReseller = client(RESELLER).describeAgreement(r -> r.agreementId(channel.id()));

        assertThat(bySeller.proposer().accountId()).isEqualTo(RESELLER);
        assertThat(byReseller.acceptor().accountId()).isEqualTo(BUYER);
    }

    @Test
    void accountThatIsNoPartyIsDenied() {
        Agreement agreement = subscribe(SubscribeOptions.standard());

        assertThatThrownBy(() -> client("999988887777").describeAgreement(r -> r.agreementId(agreement.id())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void unknownAgreementIsNotFound() {
        assertThatThrownBy(() -> client(SELLER).getAgreementTerms(r -> r.agreementId("agmt-does-not-exist")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void malformedAgreementIdIsAValidationError() {
        assertThatThrownBy(() -> client(SELLER).describeAgreement(r -> r.agreementId("not an id!")))
                .isInstanceOfSatisfying(
                        SdkException.class, e -> assertThat(e.getMessage()).contains("agreementId"));
    }

    @Test
    void injectedFaultsAnswerThrottlingAndInternalErrors() {
        Agreement agreement = subscribe(SubscribeOptions.standard());
        sim.faults().put("DescribeAgreement", new FaultSpec(100, 0, 0, 0, false, 0, 0, false));
        sim.faults().put("GetAgreementTerms", new FaultSpec(0, 100, 0, 0, false, 0, 0, false));

        assertThatThrownBy(() -> client(SELLER).describeAgreement(r -> r.agreementId(agreement.id())))
                .isInstanceOf(ThrottlingException.class);
        assertThatThrownBy(() -> client(SELLER).getAgreementTerms(r -> r.agreementId(agreement.id())))
                .isInstanceOf(InternalServerException.class);
    }
}
