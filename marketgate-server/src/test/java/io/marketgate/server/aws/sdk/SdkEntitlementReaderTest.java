package io.marketgate.server.aws.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.aws.AwsCustomerKey;
import io.marketgate.server.aws.EntitlementRead;
import io.marketgate.server.aws.EntitlementRead.Entitlement;
import io.marketgate.server.aws.EntitlementRead.EntitlementValue;
import io.marketgate.server.product.IdentityMode;
import io.marketgate.simulator.state.EntitlementGrant;
import io.marketgate.simulator.state.SimState;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** GetEntitlements through the real SDK against the simulator over HTTP. */
class SdkEntitlementReaderTest {

    private static final String BUYER = "222233334444";
    private static final String OTHER_BUYER = "555566667777";
    private static final Instant EXPIRES = Instant.parse("2027-12-01T00:00:00Z");

    private SimulatedMarketplace market;

    @AfterEach
    void stop() {
        if (market != null) {
            market.close();
        }
    }

    private EntitlementRead read(IdentityMode mode, AwsCustomerKey key) {
        return new SdkEntitlementReader(market.clients()).read(market.product(mode), key);
    }

    @ParameterizedTest
    @EnumSource(IdentityMode.class)
    void readsAllFourValueTypesWithExpirationAndLicenseOfTheCustomerOnly(IdentityMode mode) {
        market = SimulatedMarketplace.direct();
        SimState.Subscription mine = market.subscribe(
                mode,
                BUYER,
                new EntitlementGrant("seats", 10, EXPIRES),
                new EntitlementGrant("storage-gb", 2.5, EXPIRES),
                new EntitlementGrant("sso", true, EXPIRES),
                new EntitlementGrant("tier", "gold", null));
        market.subscribe(mode, OTHER_BUYER, new EntitlementGrant("seats", 99, EXPIRES));

        EntitlementRead read = read(mode, market.key(mine));

        String license = mine.agreement().licenseArn();
        assertThat(read).isInstanceOfSatisfying(EntitlementRead.Read.class, r -> assertThat(r.entitlements())
                .extracting(
                        Entitlement::dimension, Entitlement::value, Entitlement::expiration, Entitlement::licenseArn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "seats", new EntitlementValue.IntegerValue(10), EXPIRES, license),
                        org.assertj.core.groups.Tuple.tuple(
                                "storage-gb", new EntitlementValue.DoubleValue(2.5), EXPIRES, license),
                        org.assertj.core.groups.Tuple.tuple(
                                "sso", new EntitlementValue.BooleanValue(true), EXPIRES, license),
                        org.assertj.core.groups.Tuple.tuple(
                                "tier", new EntitlementValue.StringValue("gold"), null, license)));
        assertThat(read).isInstanceOfSatisfying(EntitlementRead.Read.class, r -> assertThat(r.entitlements())
                .allSatisfy(e -> assertThat(e.customerAwsAccountId()).isEqualTo(BUYER)));
    }

    @Test
    void licenseModeSeparatesTwoLicensesOfOneAccount() {
        market = SimulatedMarketplace.direct();
        SimState.Subscription first =
                market.subscribe(IdentityMode.LICENSE, BUYER, new EntitlementGrant("seats", 5, EXPIRES));
        SimState.Subscription second =
                market.subscribe(IdentityMode.LICENSE, BUYER, new EntitlementGrant("seats", 50, EXPIRES));

        EntitlementRead read = read(IdentityMode.LICENSE, market.key(second));

        assertThat(first.agreement().licenseArn())
                .isNotEqualTo(second.agreement().licenseArn());
        assertThat(read).isInstanceOfSatisfying(EntitlementRead.Read.class, r -> assertThat(r.entitlements())
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.value()).isEqualTo(new EntitlementValue.IntegerValue(50));
                    assertThat(e.licenseArn()).isEqualTo(second.agreement().licenseArn());
                }));
    }

    @Test
    void followsEveryPageIncludingEmptyPagesThatCarryANextToken() {
        market = SimulatedMarketplace.direct();
        EntitlementGrant[] grants = IntStream.rangeClosed(1, 60)
                .mapToObj(i -> new EntitlementGrant("d" + i, i, EXPIRES))
                .toArray(EntitlementGrant[]::new);
        SimState.Subscription subscription = market.subscribe(IdentityMode.ACCOUNT, BUYER, grants);
        market.emptyEntitlementPageEvery(2);

        EntitlementRead read = read(IdentityMode.ACCOUNT, market.key(subscription));

        assertThat(read).isInstanceOfSatisfying(EntitlementRead.Read.class, r -> assertThat(r.entitlements())
                .extracting(Entitlement::dimension)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, 60).mapToObj(i -> "d" + i).toList()));
        // 25 + empty + 25 + empty + 10: the empty pages were followed, not taken for the end.
        assertThat(market.proxy.count("GetEntitlements")).isEqualTo(5);
    }

    @Test
    void customerWithoutEntitlementsReadsAsAnEmptyList() {
        market = SimulatedMarketplace.direct();

        EntitlementRead read = read(
                IdentityMode.LICENSE, new AwsCustomerKey(null, BUYER, "arn:aws:license-manager::1:license:l-none"));

        assertThat(read).isEqualTo(new EntitlementRead.Read(List.of()));
    }

    @Test
    void keyWithoutTheModesFieldFailsWithoutCallingAws() {
        market = SimulatedMarketplace.direct();

        EntitlementRead read = read(IdentityMode.LICENSE, new AwsCustomerKey(null, BUYER, null));

        assertThat(read).isInstanceOfSatisfying(EntitlementRead.Failed.class, f -> {
            assertThat(f.retryable()).isFalse();
            assertThat(f.message()).contains("LicenseArn");
        });
        assertThat(market.proxy.count("GetEntitlements")).isZero();
    }

    @Test
    void persistentThrottlingFailsRetryably() {
        market = SimulatedMarketplace.direct();
        SimState.Subscription subscription =
                market.subscribe(IdentityMode.LEGACY, BUYER, new EntitlementGrant("seats", 1, EXPIRES));
        market.fault("GetEntitlements", "{\"throttlePercent\": 100}");

        EntitlementRead read = read(IdentityMode.LEGACY, market.key(subscription));

        assertThat(read).isInstanceOfSatisfying(EntitlementRead.Failed.class, f -> {
            assertThat(f.retryable()).isTrue();
            assertThat(f.message()).startsWith("ThrottlingException");
        });
    }

    @Test
    void internalErrorFailsRetryably() {
        market = SimulatedMarketplace.direct();
        SimState.Subscription subscription =
                market.subscribe(IdentityMode.LEGACY, BUYER, new EntitlementGrant("seats", 1, EXPIRES));
        market.fault("GetEntitlements", "{\"errorPercent\": 100}");

        EntitlementRead read = read(IdentityMode.LEGACY, market.key(subscription));

        assertThat(read).isInstanceOfSatisfying(EntitlementRead.Failed.class, f -> assertThat(f.retryable())
                .isTrue());
    }

    @Test
    void productOfAnotherSellerFailsWithoutRetry() {
        market = SimulatedMarketplace.direct();
        var stranger = new io.marketgate.server.product.Seller("stranger", "999988887777", null, null, "us-east-1");

        EntitlementRead read = new SdkEntitlementReader(market.clients())
                .read(market.product(IdentityMode.ACCOUNT, stranger), new AwsCustomerKey(null, BUYER, null));

        assertThat(read).isInstanceOfSatisfying(EntitlementRead.Failed.class, f -> {
            assertThat(f.retryable()).isFalse();
            assertThat(f.message()).startsWith("InvalidParameterException");
        });
    }

    @Test
    void resellersSellerReadsThroughTheRoleInThePublishingAccount() {
        market = SimulatedMarketplace.throughRole();
        SimState.Subscription subscription =
                market.subscribe(IdentityMode.LICENSE, BUYER, new EntitlementGrant("seats", 7, EXPIRES));

        EntitlementRead read = read(IdentityMode.LICENSE, market.key(subscription));

        assertThat(read).isInstanceOfSatisfying(EntitlementRead.Read.class, r -> assertThat(r.entitlements())
                .singleElement()
                .satisfies(e -> assertThat(e.value()).isEqualTo(new EntitlementValue.IntegerValue(7))));
        assertThat(market.proxy.count("AssumeRole")).isEqualTo(1);
    }
}
