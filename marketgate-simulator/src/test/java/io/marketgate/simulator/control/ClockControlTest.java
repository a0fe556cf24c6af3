package io.marketgate.simulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.simulator.ControlClient;
import io.marketgate.simulator.Simulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClockControlTest {

    private static final Instant BASE = Instant.parse("2026-11-01T12:00:00Z");

    private Simulator sim;
    private ControlClient client;

    @BeforeEach
    void start() {
        sim = Simulator.builder()
                .port(0)
                .clock(Clock.fixed(BASE, ZoneOffset.UTC))
                .build()
                .start();
        client = new ControlClient(sim.endpoint());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void advancingMovesTheSimulatorClock() {
        var reply = client.post("/_sim/clock", "{\"advanceSeconds\":3600}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(sim.clock().instant()).isEqualTo(BASE.plus(Duration.ofHours(1)));
        assertThat(reply.json().get("now").stringValue()).isEqualTo("2026-11-01T13:00:00Z");
        assertThat(reply.json().get("offsetSeconds").longValue()).isEqualTo(3600);
    }

    @Test
    void aMoveBeyondWhatTheWireFormatsCarryIsRefusedAndLeavesTheClockAsItWas() {
        var overflow = client.post("/_sim/clock", "{\"advanceSeconds\":" + Long.MAX_VALUE + "}");
        var offset = client.post("/_sim/clock", "{\"offsetSeconds\":" + Long.MIN_VALUE + "}");
        var farFuture = client.post("/_sim/clock", "{\"set\":\"+1000000000-12-31T23:59:59Z\"}");
        var beforeEpoch = client.post("/_sim/clock", "{\"set\":\"1969-12-31T23:59:59Z\"}");

        assertThat(java.util.List.of(overflow, offset, farFuture, beforeEpoch)).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().get("field").stringValue()).isIn("advanceSeconds", "offsetSeconds", "set");
        });
        assertThat(sim.clock().instant()).isEqualTo(BASE);
        assertThat(client.get("/_sim/clock").status()).isEqualTo(200);
    }

    @Test
    void settingAnInstantAndAnOffsetAreAbsolute() {
        client.post("/_sim/clock", "{\"set\":\"2026-12-01T05:59:00Z\"}");
        assertThat(sim.clock().instant()).isEqualTo(Instant.parse("2026-12-01T05:59:00Z"));

        client.post("/_sim/clock", "{\"offsetSeconds\":-60}");
        assertThat(sim.clock().instant()).isEqualTo(BASE.minusSeconds(60));
    }

    @Test
    void freezeThenResetReturnsToTheBaseClock() {
        client.post("/_sim/clock", "{\"advanceSeconds\":120,\"freeze\":true}");
        assertThat(sim.clock().frozen()).isTrue();
        assertThat(client.get("/_sim/clock").json().get("frozen").booleanValue())
                .isTrue();

        client.post("/_sim/clock", "{\"reset\":true,\"freeze\":false}");

        assertThat(sim.clock().frozen()).isFalse();
        assertThat(sim.clock().instant()).isEqualTo(BASE);
    }

    @Test
    void setWithFreezeStopsAtExactlyTheGivenInstantOnARunningClock() {
        try (Simulator running = Simulator.builder().port(0).build().start()) {
            new ControlClient(running.endpoint())
                    .post("/_sim/clock", "{\"set\":\"2026-12-01T05:59:00Z\",\"freeze\":true}");

            assertThat(running.clock().instant()).isEqualTo(Instant.parse("2026-12-01T05:59:00Z"));
        }
    }

    @Test
    void conflictingOrMalformedChangesAreRejectedNamingTheField() {
        var both = client.post("/_sim/clock", "{\"advanceSeconds\":1,\"set\":\"2026-12-01T00:00:00Z\"}");
        var badInstant = client.post("/_sim/clock", "{\"set\":\"tomorrow\"}");
        var badNumber = client.post("/_sim/clock", "{\"advanceSeconds\":1.5}");

        assertThat(both.status()).isEqualTo(400);
        assertThat(badInstant.json().get("field").stringValue()).isEqualTo("set");
        assertThat(badNumber.json().get("field").stringValue()).isEqualTo("advanceSeconds");
        assertThat(sim.clock().instant()).isEqualTo(BASE);
    }
}
