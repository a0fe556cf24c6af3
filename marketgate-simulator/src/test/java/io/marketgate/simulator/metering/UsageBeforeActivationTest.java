package io.marketgate.simulator.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.simulator.MarketplaceFixtures;
import io.marketgate.simulator.RawAwsJson;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.IdentityMode;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * One rule in every identity mode: usage whose hour starts before the hour the subscription became active
 * in is refused, with each mode's error; usage in the activation hour is accepted.
 */
class UsageBeforeActivationTest {

    /** The clock stands at 10:20; agreements activate at once or, with payment held, at 12:30. */
    private static final Instant NOW = MarketplaceFixtures.NOW;

    private static final Map<IdentityMode, String> REFUSAL = new EnumMap<>(Map.of(
            IdentityMode.LEGACY, "CustomerNotSubscribed",
            IdentityMode.ACCOUNT, "CustomerNotSubscribed",
            IdentityMode.LICENSE, "InvalidLicenseException"));

    private Simulator sim;

    @BeforeEach
    void start() {
        sim = MarketplaceFixtures.simulator(77)
                .meteringRequestsPerSecond(0)
                .build()
                .start();
        for (IdentityMode mode : IdentityMode.values()) {
            MarketplaceFixtures.product(sim.state(), code(mode), mode);
        }
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @ParameterizedTest
    @EnumSource(IdentityMode.class)
    void usageOfTheHourBeforeSubscribingIsRefusedAndOfTheSubscriptionHourAccepted(IdentityMode mode) throws Exception {
        Agreement agreement = MarketplaceFixtures.subscribe(sim.state(), code(mode), "260000000001")
                .agreement();

        String before = meter(mode, agreement, Instant.parse("2026-03-15T09:59:59Z"));
        String sameHour = meter(mode, agreement, Instant.parse("2026-03-15T10:00:00Z"));

        assertThat(before).isEqualTo(REFUSAL.get(mode));
        assertThat(sameHour).isEqualTo("Success");
    }

    @ParameterizedTest
    @EnumSource(IdentityMode.class)
    void withPaymentHeldTheHourOfActivationCountsNotTheHourOfSubscribing(IdentityMode mode) throws Exception {
        Agreement pending = MarketplaceFixtures.subscribePending(sim.state(), code(mode), "260000000002")
                .agreement();
        sim.clock().advance(Duration.ofHours(2).plusMinutes(10));
        Agreement active = sim.state().succeed(pending.id());

        String afterSubscribingBeforeActivation = meter(mode, active, Instant.parse("2026-03-15T11:30:00Z"));
        String activationHour = meter(mode, active, Instant.parse("2026-03-15T12:00:00Z"));

        assertThat(active.activatedAt()).isEqualTo(NOW.plus(Duration.ofHours(2).plusMinutes(10)));
        assertThat(afterSubscribingBeforeActivation).isEqualTo(REFUSAL.get(mode));
        assertThat(activationHour).isEqualTo("Success");
    }

    /** The record's status, or the error that failed the whole call. */
    private String meter(IdentityMode mode, Agreement agreement, Instant timestamp) throws Exception {
        ObjectNode record = RawAwsJson.JSON.createObjectNode();
        record.put("Timestamp", timestamp.getEpochSecond());
        record.put("Dimension", "users");
        record.put("Quantity", 1);
        switch (mode) {
            case LEGACY ->
                record.put(
                        "CustomerIdentifier",
                        sim.state().buyer(agreement.buyerAccountId()).customerIdentifier());
            case ACCOUNT -> record.put("CustomerAWSAccountId", agreement.buyerAccountId());
            case LICENSE ->
                record.put("CustomerAWSAccountId", agreement.buyerAccountId())
                        .put("LicenseArn", agreement.licenseArn());
        }
        ObjectNode body = RawAwsJson.JSON.createObjectNode().put("ProductCode", code(mode));
        body.putArray("UsageRecords").add(record);
        RawAwsJson.Response response = RawAwsJson.marketplace(sim).metering("BatchMeterUsage", body);
        return response.status() == 200
                ? response.body().at("/Results/0/Status").asString()
                : response.errorType();
    }

    private static String code(IdentityMode mode) {
        return "prod-" + mode.name().toLowerCase(java.util.Locale.ROOT);
    }
}
