package io.marketgate.simulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.simulator.AwsClients;
import io.marketgate.simulator.ControlApi;
import io.marketgate.simulator.MarketplaceFixtures;
import io.marketgate.simulator.RawAwsJson;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.http.SimResponse;
import io.marketgate.simulator.state.IdentityMode;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.BatchMeterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.InternalServiceErrorException;
import software.amazon.awssdk.services.marketplacemetering.model.ThrottlingException;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecord;

class FaultInjectionTest {

    static final Instant HOUR = MarketplaceFixtures.NOW.truncatedTo(ChronoUnit.HOURS);
    static Simulator sim;

    @BeforeAll
    static void start() {
        sim = started(808);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void reset() {
        sim.faults().clear();
        sim.ledger().clear();
    }

    @Test
    void sdkRetriesInternalErrorsAndThrottlingFourAttemptsInAll() {
        AtomicInteger attempts = new AtomicInteger();
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                attempts.incrementAndGet();
            }
        };
        try (MarketplaceMeteringClient metering = AwsClients.metering(
                sim,
                AwsClients.dummyCredentials("AKIDEXAMPLE"),
                ClientOverrideConfiguration.builder()
                        .addExecutionInterceptor(counter)
                        .build())) {
            sim.faults().put("BatchMeterUsage", new FaultSpec(0, 100, 0, 0, false, 0, 0, false));
            assertThatThrownBy(() -> meter(metering, "270000000001")).isInstanceOf(InternalServiceErrorException.class);
            assertThat(attempts.getAndSet(0)).isEqualTo(4);

            sim.faults().put("ResolveCustomer", new FaultSpec(100, 0, 0, 0, false, 0, 0, false));
            assertThatThrownBy(() -> metering.resolveCustomer(r -> r.registrationToken("t")))
                    .isInstanceOf(ThrottlingException.class);
            assertThat(attempts.get()).isEqualTo(4);
        }
        assertThat(sim.ledger().entries()).isEmpty();
    }

    @Test
    void sameSeedGivesTheSameSequenceOfOutcomes() {
        FaultSpec flaky = new FaultSpec(20, 30, 0, 0, false, 0, 0, false);
        List<String> first = outcomes(started(4242), flaky);
        List<String> second = outcomes(started(4242), flaky);

        assertThat(second).isEqualTo(first);
        assertThat(first).contains("Success", "ThrottlingException", "InternalServiceErrorException");
    }

    @Test
    void unprocessedRecordsAreReturnedAndNotRecordedUntilResent() {
        sim.faults().put("BatchMeterUsage", new FaultSpec(0, 0, 0, 0, false, 0, 50, false));
        List<UsageRecord> records =
                IntStream.range(0, 10).mapToObj(i -> record("27000000001" + i)).toList();
        records.forEach(r -> MarketplaceFixtures.subscribe(sim.state(), "accountprod", r.customerAWSAccountId()));
        try (MarketplaceMeteringClient metering = AwsClients.meteringWithoutRetries(sim, "AKIDEXAMPLE")) {
            BatchMeterUsageResponse response =
                    metering.batchMeterUsage(r -> r.productCode("accountprod").usageRecords(records));

            assertThat(response.unprocessedRecords()).isNotEmpty();
            assertThat(response.results().size() + response.unprocessedRecords().size())
                    .isEqualTo(10);
            assertThat(sim.ledger().entries()).hasSize(response.results().size());
            sim.faults().clear();
            metering.batchMeterUsage(r -> r.productCode("accountprod").usageRecords(response.unprocessedRecords()));
            assertThat(sim.ledger().entries()).hasSize(10);
        }
    }

    @Test
    void timeoutClosesTheConnectionAndMayHaveBilledAnyway() {
        MarketplaceFixtures.subscribe(sim.state(), "accountprod", "270000000002");
        sim.faults().put("BatchMeterUsage", new FaultSpec(0, 0, 100, 200, true, 0, 0, false));
        RawAwsJson raw = RawAwsJson.marketplace(sim);
        String body = "{\"ProductCode\":\"accountprod\",\"UsageRecords\":[{\"Timestamp\":" + HOUR.getEpochSecond()
                + ",\"CustomerAWSAccountId\":\"270000000002\",\"Dimension\":\"users\",\"Quantity\":3}]}";

        assertThatThrownBy(() -> raw.send("AWSMPMeteringService.BatchMeterUsage", body))
                .isInstanceOf(IOException.class);
        assertThat(sim.ledger().entries()).hasSize(1);
        assertThat(sim.metering()
                        .requestLog()
                        .entries("BatchMeterUsage")
                        .getLast()
                        .errorType())
                .isEqualTo("ConnectionClosed");
    }

    @Test
    void faultsAreSetListedAndClearedThroughTheControlApi() throws Exception {
        ControlApi control = new ControlApi(sim);
        ControlApi.Response put =
                control.put("/_sim/faults/GetEntitlements", "{\"errorPercent\": 25, \"latencyMs\": 5}");

        assertThat(put.status()).isEqualTo(200);
        assertThat(control.get("/_sim/faults")
                        .json()
                        .at("/GetEntitlements/errorPercent")
                        .asDouble())
                .isEqualTo(25.0);
        assertThat(control.put("/_sim/faults/BatchMeterUsage", "{\"throttlePercent\": 101}")
                        .status())
                .isEqualTo(400);
        assertThat(control.delete("/_sim/faults").status()).isEqualTo(204);
        assertThat(sim.faults().all()).isEmpty();
    }

    @Test
    void wrapHookLetsOtherApisInjectTheSameFaults() throws Exception {
        Faults faults = new Faults(1);
        faults.put("GetEntitlements", new FaultSpec(100, 0, 0, 0, false, 0, 0, false));
        SimResponse answer = faults.wrapAwsJson("GetEntitlements", request -> SimResponse.text(200, "text/plain", "ok"))
                .handle(null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.headers()).containsEntry("x-amzn-ErrorType", "ThrottlingException");
    }

    private static List<String> outcomes(Simulator simulator, FaultSpec spec) {
        try (simulator;
                MarketplaceMeteringClient metering = AwsClients.meteringWithoutRetries(simulator, "AKIDEXAMPLE")) {
            MarketplaceFixtures.subscribe(simulator.state(), "accountprod", "270000000003");
            simulator.faults().put("BatchMeterUsage", spec);
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                try {
                    outcomes.add(
                            meter(metering, "270000000003").results().getFirst().statusAsString());
                } catch (AwsServiceException e) {
                    outcomes.add(e.awsErrorDetails().errorCode());
                }
            }
            return outcomes;
        }
    }

    private static Simulator started(long seed) {
        Simulator simulator = MarketplaceFixtures.simulator(seed)
                .meteringRequestsPerSecond(0)
                .build()
                .start();
        MarketplaceFixtures.product(simulator.state(), "accountprod", IdentityMode.ACCOUNT);
        return simulator;
    }

    private static BatchMeterUsageResponse meter(MarketplaceMeteringClient metering, String account) {
        return metering.batchMeterUsage(r -> r.productCode("accountprod").usageRecords(record(account)));
    }

    private static UsageRecord record(String account) {
        return UsageRecord.builder()
                .customerAWSAccountId(account)
                .dimension("users")
                .quantity(1)
                .timestamp(HOUR)
                .build();
    }
}
