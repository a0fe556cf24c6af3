package io.marketgate.simulator.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.simulator.ControlApi;
import io.marketgate.simulator.MarketplaceFixtures;
import io.marketgate.simulator.RawAwsJson;
import io.marketgate.simulator.SimClock;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.IdentityMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class QuotaAndLedgerControlTest {

    static final Instant HOUR = MarketplaceFixtures.NOW.truncatedTo(ChronoUnit.HOURS);
    /** The base clock given to the builder: the quota's window moves only when a test advances it. */
    static final SimClock BASE = new SimClock(Clock.fixed(MarketplaceFixtures.NOW, ZoneOffset.UTC));

    static Simulator sim;

    @BeforeAll
    static void start() {
        sim = MarketplaceFixtures.simulator(909)
                .clock(BASE)
                .meteringRequestsPerSecond(3)
                .build()
                .start();
        MarketplaceFixtures.product(sim.state(), "accountprod", IdentityMode.ACCOUNT);
        MarketplaceFixtures.subscribe(sim.state(), "accountprod", "280000000001");
        MarketplaceFixtures.subscribe(sim.state(), "accountprod", "280000000002");
        MarketplaceFixtures.subscribe(sim.state(), "accountprod", "280000000003");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** Every test starts with the quota unused, whatever ran before it. */
    @BeforeEach
    void nextQuotaWindow() {
        BASE.advance(QuotaLimiter.WINDOW);
    }

    @Test
    void quotaIsASlidingSecondPerKey() {
        SimClock clock = new SimClock(Clock.fixed(MarketplaceFixtures.NOW, ZoneOffset.UTC));
        QuotaLimiter quota = new QuotaLimiter(2, clock);

        assertThat(quota.tryAcquire("a")).isTrue();
        clock.advance(Duration.ofMillis(400));
        assertThat(quota.tryAcquire("a")).isTrue();
        assertThat(quota.tryAcquire("a")).isFalse();
        assertThat(quota.tryAcquire("b")).isTrue();
        clock.advance(Duration.ofMillis(599));
        assertThat(quota.tryAcquire("a")).as("the first call is 999 ms old").isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(quota.tryAcquire("a")).as("the first call left the window").isTrue();
        assertThat(quota.tryAcquire("a")).as("the second call is still in it").isFalse();
    }

    @Test
    void aClockSetBackForgetsCallsThatWouldLieInTheFuture() {
        SimClock clock = new SimClock(Clock.fixed(MarketplaceFixtures.NOW, ZoneOffset.UTC));
        QuotaLimiter quota = new QuotaLimiter(1, clock);

        assertThat(quota.tryAcquire("a")).isTrue();
        clock.advance(Duration.ofHours(-1));

        assertThat(quota.tryAcquire("a")).isTrue();
    }

    @Test
    void callsBeyondTheQuotaPerAccountAndRegionAreThrottledUntilTheWindowPasses() throws Exception {
        RawAwsJson seller = RawAwsJson.marketplace(sim);
        RawAwsJson otherRegion = new RawAwsJson(sim.endpoint(), "AKIDEXAMPLE", "us-west-2", "aws-marketplace");
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            outcomes.add(outcome(seller.send("AWSMPMeteringService.BatchMeterUsage", body("280000000001", 1))));
        }
        String elsewhere = outcome(otherRegion.send("AWSMPMeteringService.BatchMeterUsage", body("280000000001", 1)));
        BASE.advance(Duration.ofMillis(999));
        String justBefore = outcome(seller.send("AWSMPMeteringService.BatchMeterUsage", body("280000000001", 1)));
        BASE.advance(Duration.ofMillis(1));
        String after = outcome(seller.send("AWSMPMeteringService.BatchMeterUsage", body("280000000001", 1)));

        assertThat(outcomes).containsExactly("200", "200", "200", "ThrottlingException", "ThrottlingException");
        assertThat(elsewhere).as("the quota is per account and region").isEqualTo("200");
        assertThat(justBefore).isEqualTo("ThrottlingException");
        assertThat(after).isEqualTo("200");
    }

    @Test
    void freezingOrMovingTheSimulatorClockNeitherThrottlesNorRefillsTheQuota() throws Exception {
        RawAwsJson seller = RawAwsJson.marketplace(sim);
        sim.clock().freeze();
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(outcome(seller.send("AWSMPMeteringService.BatchMeterUsage", body("280000000003", 1))))
                        .isEqualTo("200");
            }
            sim.clock().advance(Duration.ofMinutes(5));
            assertThat(outcome(seller.send("AWSMPMeteringService.BatchMeterUsage", body("280000000003", 1))))
                    .as("the simulated time moved, the base clock did not")
                    .isEqualTo("ThrottlingException");
            BASE.advance(QuotaLimiter.WINDOW);
            assertThat(outcome(seller.send("AWSMPMeteringService.BatchMeterUsage", body("280000000003", 1))))
                    .as("the frozen simulator clock does not hold the window")
                    .isEqualTo("200");
        } finally {
            sim.clock().reset();
        }
    }

    @Test
    void ledgerAndRequestLogAreQueryableAndClearable() throws Exception {
        RawAwsJson.marketplace(sim).send("AWSMPMeteringService.BatchMeterUsage", body("280000000002", 9));
        RawAwsJson.marketplace(sim)
                .send("AWSMPMeteringService.BatchMeterUsage", "{\"ProductCode\":\"nope\",\"UsageRecords\":[]}");
        ControlApi control = new ControlApi(sim);

        JsonNode ledger = control.get("/_sim/ledger?customer=280000000002&dimension=users&from=" + HOUR)
                .json();
        assertThat(ledger.get("totalQuantity").asLong()).isEqualTo(9);
        assertThat(ledger.at("/entries/0/productCode").asString()).isEqualTo("accountprod");
        assertThat(ledger.at("/entries/0/hour").asString()).isEqualTo(HOUR.toString());
        assertThat(control.get("/_sim/ledger?customer=280000000002&to=" + HOUR)
                        .json()
                        .get("entries"))
                .isEmpty();
        assertThat(control.get("/_sim/ledger?from=yesterday").status()).isEqualTo(400);

        JsonNode requests =
                control.get("/_sim/requests?operation=BatchMeterUsage").json().get("requests");
        assertThat(requests.get(requests.size() - 1).get("errorType").asString())
                .isEqualTo("InvalidProductCodeException");
        assertThat(requests.get(requests.size() - 2).at("/recordStatuses/0").asString())
                .isEqualTo("Success");

        assertThat(control.delete("/_sim/ledger").status()).isEqualTo(204);
        assertThat(control.delete("/_sim/requests").status()).isEqualTo(204);
        assertThat(control.get("/_sim/ledger").json().get("entries")).isEmpty();
        assertThat(control.get("/_sim/requests").json().get("requests")).isEmpty();
    }

    private static String outcome(RawAwsJson.Response response) {
        return response.status() == 200 ? "200" : response.errorType();
    }

    private static String body(String account, int quantity) {
        return "{\"ProductCode\":\"accountprod\",\"UsageRecords\":[{\"Timestamp\":" + HOUR.getEpochSecond()
                + ".000,\"CustomerAWSAccountId\":\"" + account + "\",\"Dimension\":\"users\",\"Quantity\":" + quantity
                + "}]}";
    }
}
