package io.marketgate.simulator.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.simulator.ControlApi;
import io.marketgate.simulator.MarketplaceFixtures;
import io.marketgate.simulator.RawAwsJson;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.IdentityMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class QuotaAndLedgerControlTest {

    static final Instant HOUR = MarketplaceFixtures.NOW.truncatedTo(ChronoUnit.HOURS);
    static Simulator sim;

    @BeforeAll
    static void start() {
        sim = MarketplaceFixtures.simulator(909)
                .meteringRequestsPerSecond(3)
                .build()
                .start();
        MarketplaceFixtures.product(sim.state(), "accountprod", IdentityMode.ACCOUNT);
        MarketplaceFixtures.subscribe(sim.state(), "accountprod", "280000000001");
        MarketplaceFixtures.subscribe(sim.state(), "accountprod", "280000000002");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void quotaIsASlidingSecondPerKey() {
        AtomicLong nanos = new AtomicLong();
        QuotaLimiter quota = new QuotaLimiter(2, nanos::get);

        assertThat(quota.tryAcquire("a")).isTrue();
        assertThat(quota.tryAcquire("a")).isTrue();
        assertThat(quota.tryAcquire("a")).isFalse();
        assertThat(quota.tryAcquire("b")).isTrue();
        nanos.set(999_999_999L);
        assertThat(quota.tryAcquire("a")).isFalse();
        nanos.set(1_000_000_000L);
        assertThat(quota.tryAcquire("a")).isTrue();
    }

    @Test
    void callsBeyondTheQuotaPerAccountAndRegionAreThrottled() throws Exception {
        RawAwsJson seller = RawAwsJson.marketplace(sim);
        RawAwsJson otherRegion = new RawAwsJson(sim.endpoint(), "AKIDEXAMPLE", "us-west-2", "aws-marketplace");
        List<String> outcomes = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            outcomes.add(outcome(seller.send("AWSMPMeteringService.BatchMeterUsage", body("280000000001", 1))));
        }
        String elsewhere = outcome(otherRegion.send("AWSMPMeteringService.BatchMeterUsage", body("280000000001", 1)));
        if (System.nanoTime() - started < 900_000_000L) {
            assertThat(outcomes).containsExactly("200", "200", "200", "ThrottlingException", "ThrottlingException");
            assertThat(elsewhere).isEqualTo("200");
        }
        assertThat(outcomes).contains("ThrottlingException");
    }

    @Test
    void ledgerAndRequestLogAreQueryableAndClearable() throws Exception {
        Thread.sleep(1100); // let the quota window of the other test pass
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
