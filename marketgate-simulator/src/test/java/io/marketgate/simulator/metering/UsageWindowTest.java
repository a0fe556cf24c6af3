package io.marketgate.simulator.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.simulator.AwsClients;
import io.marketgate.simulator.MarketplaceFixtures;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.IdentityMode;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.TimestampOutOfBoundsException;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecord;

/** AWS's time window, driven by the simulator clock: 24 hours, and the 06:00 UTC cut-off on the 1st. */
class UsageWindowTest {

    static Simulator sim;
    static MarketplaceMeteringClient metering;
    static final String BUYER = "240000000001";

    @BeforeAll
    static void start() {
        sim = MarketplaceFixtures.simulator(404)
                .meteringRequestsPerSecond(0)
                .build()
                .start();
        metering = AwsClients.meteringWithoutRetries(sim, "AKIDEXAMPLE");
        MarketplaceFixtures.product(sim.state(), "accountprod", IdentityMode.ACCOUNT);
        sim.clock().set(Instant.parse("2026-02-01T00:00:00Z"));
        MarketplaceFixtures.subscribe(sim.state(), "accountprod", BUYER);
    }

    @AfterAll
    static void stop() {
        metering.close();
        sim.close();
    }

    @AfterEach
    void clearLedger() {
        sim.ledger().clear();
    }

    @Test
    void recordIsAcceptedUntilTwentyFourHoursAfterItsTimestamp() {
        sim.clock().set(Instant.parse("2026-03-11T09:59:59Z"));
        assertThat(meter(Instant.parse("2026-03-10T10:00:00Z"))).isEqualTo("Success");
        sim.clock().set(Instant.parse("2026-03-11T10:00:00Z"));
        assertThatThrownBy(() -> meter(Instant.parse("2026-03-10T10:00:00Z")))
                .isInstanceOf(TimestampOutOfBoundsException.class)
                .hasMessageContaining("24 hours");
    }

    @Test
    void previousMonthUsageIsAcceptedUntilSixUtcOnTheFirst() {
        sim.clock().set(Instant.parse("2026-04-01T05:59:59Z"));
        assertThat(meter(Instant.parse("2026-03-31T23:00:00Z"))).isEqualTo("Success");
        sim.ledger().clear();
        sim.clock().set(Instant.parse("2026-04-01T06:00:00Z"));
        assertThatThrownBy(() -> meter(Instant.parse("2026-03-31T23:00:00Z")))
                .isInstanceOf(TimestampOutOfBoundsException.class)
                .hasMessageContaining("previous month");
        assertThat(meter(Instant.parse("2026-04-01T05:00:00Z"))).isEqualTo("Success");
    }

    @Test
    void oneOutOfWindowRecordFailsTheWholeBatch() {
        sim.clock().set(Instant.parse("2026-03-11T12:00:00Z"));
        assertThatThrownBy(() -> metering.batchMeterUsage(r -> r.productCode("accountprod")
                        .usageRecords(
                                record(Instant.parse("2026-03-11T11:00:00Z")),
                                record(Instant.parse("2026-03-10T11:00:00Z")))))
                .isInstanceOf(TimestampOutOfBoundsException.class)
                .hasMessageContaining("usageRecords.2.member.timestamp");
        assertThat(sim.ledger().entries()).isEmpty();
    }

    @Test
    void timestampsMoreThanFiveMinutesAheadOfTheClockAreRejected() {
        sim.clock().set(Instant.parse("2026-03-11T12:00:00Z"));
        sim.clock().freeze();
        try {
            assertThat(meter(Instant.parse("2026-03-11T12:05:00Z"))).isEqualTo("Success");
            assertThatThrownBy(() -> meter(Instant.parse("2026-03-11T13:00:00Z")))
                    .isInstanceOf(TimestampOutOfBoundsException.class)
                    .hasMessageContaining("future");
        } finally {
            sim.clock().unfreeze();
        }
    }

    @Test
    void windowRuleUnitChecksExactBoundaries() {
        Instant usage = Instant.parse("2026-03-10T10:00:00Z");
        assertThat(UsageWindow.problem(usage, usage.plusSeconds(24 * 3600 - 1))).isEmpty();
        assertThat(UsageWindow.problem(usage, usage.plusSeconds(24 * 3600))).isPresent();
        assertThat(UsageWindow.problem(Instant.parse("2026-03-31T23:59:59Z"), Instant.parse("2026-04-01T05:59:59Z")))
                .isEmpty();
        assertThat(UsageWindow.problem(Instant.parse("2026-03-31T23:59:59Z"), Instant.parse("2026-04-01T06:00:00Z")))
                .isPresent();
    }

    private static String meter(Instant timestamp) {
        return metering.batchMeterUsage(r -> r.productCode("accountprod").usageRecords(record(timestamp)))
                .results()
                .getFirst()
                .statusAsString();
    }

    private static UsageRecord record(Instant timestamp) {
        return UsageRecord.builder()
                .customerAWSAccountId(BUYER)
                .dimension("users")
                .quantity(1)
                .timestamp(timestamp)
                .build();
    }
}
