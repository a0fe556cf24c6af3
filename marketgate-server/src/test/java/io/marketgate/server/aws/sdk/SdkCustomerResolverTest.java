package io.marketgate.server.aws.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.aws.Resolution;
import io.marketgate.server.product.IdentityMode;
import io.marketgate.server.product.Seller;
import io.marketgate.simulator.state.SimState;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ResolveCustomer through the real SDK against the simulator over HTTP. */
class SdkCustomerResolverTest {

    private static final String BUYER = "222233334444";

    private SimulatedMarketplace market;

    @AfterEach
    void stop() {
        if (market != null) {
            market.close();
        }
    }

    private SdkCustomerResolver resolver() {
        return new SdkCustomerResolver(market.clients());
    }

    @Test
    void licenseProductResolvesToAccountAndLicenseWithoutCustomerIdentifier() {
        market = SimulatedMarketplace.direct();
        SimState.Subscription subscription = market.subscribe(IdentityMode.LICENSE, BUYER);

        Resolution resolution = resolver()
                .resolve(
                        market.product(IdentityMode.LICENSE),
                        subscription.token().token());

        assertThat(resolution)
                .isEqualTo(new Resolution.Resolved(
                        SimulatedMarketplace.productCode(IdentityMode.LICENSE),
                        null,
                        BUYER,
                        subscription.agreement().licenseArn()));
    }

    @Test
    void legacyAndAccountProductsResolveToCustomerIdentifierAccountAndLicense() {
        market = SimulatedMarketplace.direct();
        for (IdentityMode mode : new IdentityMode[] {IdentityMode.LEGACY, IdentityMode.ACCOUNT}) {
            SimState.Subscription subscription = market.subscribe(mode, BUYER);

            Resolution resolution = resolver()
                    .resolve(market.product(mode), subscription.token().token());

            assertThat(resolution).isInstanceOfSatisfying(Resolution.Resolved.class, resolved -> {
                assertThat(resolved.productCode()).isEqualTo(SimulatedMarketplace.productCode(mode));
                assertThat(resolved.customerIdentifier())
                        .isEqualTo(market.state().buyer(BUYER).customerIdentifier());
                assertThat(resolved.customerAwsAccountId()).isEqualTo(BUYER);
                assertThat(resolved.licenseArn())
                        .isEqualTo(subscription.agreement().licenseArn());
            });
        }
    }

    @Test
    void theSameTokenResolvesAgainToTheSameBuyer() {
        market = SimulatedMarketplace.direct();
        String token = market.subscribe(IdentityMode.LICENSE, BUYER).token().token();

        Resolution first = resolver().resolve(market.product(IdentityMode.LICENSE), token);
        Resolution second = resolver().resolve(market.product(IdentityMode.LICENSE), token);

        assertThat(second).isInstanceOf(Resolution.Resolved.class).isEqualTo(first);
    }

    @Test
    void unknownTokenIsInvalid() {
        market = SimulatedMarketplace.direct();

        Resolution resolution = resolver().resolve(market.product(IdentityMode.LICENSE), "not-a-token");

        assertThat(resolution).isInstanceOf(Resolution.InvalidToken.class);
    }

    @Test
    void tokenResolvedWithAnotherAccountsCredentialsIsInvalid() {
        market = SimulatedMarketplace.direct();
        String token = market.subscribe(IdentityMode.LICENSE, BUYER).token().token();
        Seller stranger = new Seller("stranger", "999988887777", null, null, "us-east-1");

        Resolution resolution = resolver().resolve(market.product(IdentityMode.LICENSE, stranger), token);

        assertThat(resolution).isInstanceOf(Resolution.InvalidToken.class);
    }

    @Test
    void tokenPastItsLifetimeIsExpired() {
        market = SimulatedMarketplace.direct();
        String token = market.subscribe(IdentityMode.LEGACY, BUYER).token().token();
        market.sim.clock().advance(Duration.ofHours(5));

        Resolution resolution = resolver().resolve(market.product(IdentityMode.LEGACY), token);

        assertThat(resolution).isInstanceOf(Resolution.ExpiredToken.class);
    }

    @Test
    void persistentThrottlingIsUnavailableAfterTheSdksRetries() {
        market = SimulatedMarketplace.direct();
        String token = market.subscribe(IdentityMode.LICENSE, BUYER).token().token();
        market.fault("ResolveCustomer", "{\"throttlePercent\": 100}");

        Resolution resolution = resolver().resolve(market.product(IdentityMode.LICENSE), token);

        assertThat(resolution)
                .isInstanceOfSatisfying(Resolution.Unavailable.class, unavailable -> assertThat(unavailable.message())
                        .startsWith("ThrottlingException"));
        assertThat(market.proxy.count("ResolveCustomer")).isGreaterThan(1);
    }

    @Test
    void internalServerErrorIsUnavailable() {
        market = SimulatedMarketplace.direct();
        String token = market.subscribe(IdentityMode.LICENSE, BUYER).token().token();
        market.fault("ResolveCustomer", "{\"errorPercent\": 100}");

        Resolution resolution = resolver().resolve(market.product(IdentityMode.LICENSE), token);

        assertThat(resolution)
                .isInstanceOfSatisfying(Resolution.Unavailable.class, unavailable -> assertThat(unavailable.message())
                        .startsWith("InternalServiceErrorException"));
    }

    @Test
    void disabledApiIsUnavailable() {
        market = SimulatedMarketplace.direct();
        String token = market.subscribe(IdentityMode.LICENSE, BUYER).token().token();
        market.fault("ResolveCustomer", "{\"disabled\": true}");

        Resolution resolution = resolver().resolve(market.product(IdentityMode.LICENSE), token);

        assertThat(resolution).isInstanceOf(Resolution.Unavailable.class);
    }

    @Test
    void aCallThatNeverAnswersIsUnavailableAtTheApiCallTimeout() {
        market = SimulatedMarketplace.withApiCallTimeout(Duration.ofMillis(800));
        String token = market.subscribe(IdentityMode.LICENSE, BUYER).token().token();
        market.fault("ResolveCustomer", "{\"timeoutPercent\": 100, \"timeoutMs\": 3000}");

        Resolution resolution = resolver().resolve(market.product(IdentityMode.LICENSE), token);

        assertThat(resolution).isInstanceOf(Resolution.Unavailable.class);
    }

    @Test
    void resellersSellerResolvesThroughTheRoleInThePublishingAccount() {
        market = SimulatedMarketplace.throughRole();
        SimState.Subscription subscription = market.subscribe(IdentityMode.LICENSE, BUYER);

        Resolution resolution = resolver()
                .resolve(
                        market.product(IdentityMode.LICENSE),
                        subscription.token().token());

        assertThat(resolution)
                .isInstanceOfSatisfying(Resolution.Resolved.class, resolved -> assertThat(resolved.licenseArn())
                        .isEqualTo(subscription.agreement().licenseArn()));
        assertThat(market.proxy.count("AssumeRole")).isEqualTo(1);
    }

    @Test
    void roleRefusedForAWrongExternalIdIsUnavailableNotInvalid() {
        market = SimulatedMarketplace.throughRole();
        String token = market.subscribe(IdentityMode.LICENSE, BUYER).token().token();
        Seller wrongExternalId = new Seller(
                "reseller-2", SimulatedMarketplace.PUBLISHER, SimulatedMarketplace.ROLE, "nope", "us-east-1");

        Resolution resolution = resolver().resolve(market.product(IdentityMode.LICENSE, wrongExternalId), token);

        assertThat(resolution)
                .isInstanceOfSatisfying(Resolution.Unavailable.class, unavailable -> assertThat(unavailable.message())
                        .contains("AccessDenied"));
        assertThat(market.proxy.count("ResolveCustomer")).isZero();
    }
}
