package io.marketgate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorArgsTest {

    @Test
    void defaultsListenOnLoopbackPort4599WithFourHourTokens() {
        SimulatorArgs args = SimulatorArgs.parse();

        assertThat(args.port()).isEqualTo(4599);
        assertThat(args.bind().isLoopbackAddress()).isTrue();
        assertThat(args.sqs()).isFalse();
        assertThat(args.sqsPort()).isEqualTo(9324);
        assertThat(args.tokenTtl()).isEqualTo(Duration.ofHours(4));
        assertThat(args.seed()).isNull();
    }

    @Test
    void everyFlagIsReadInBothSpacedAndEqualsForms() {
        SimulatorArgs args = SimulatorArgs.parse(
                "--port",
                "4600",
                "--bind=0.0.0.0",
                "--sqs",
                "--sqs-port=9400",
                "--seed",
                "42",
                "--token-ttl",
                "PT1H",
                "--strict-signatures",
                "--seed-demo",
                "--demo-fulfillment-base",
                "http://localhost:9000/f/");

        assertThat(args.port()).isEqualTo(4600);
        assertThat(args.bind().getHostAddress()).isEqualTo("0.0.0.0");
        assertThat(args.sqs()).isTrue();
        assertThat(args.sqsPort()).isEqualTo(9400);
        assertThat(args.seed()).isEqualTo(42L);
        assertThat(args.tokenTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(args.strictSignatures()).isTrue();
        assertThat(args.seedDemo()).isTrue();
        assertThat(args.demoFulfillmentBase()).isEqualTo("http://localhost:9000/f/");
    }

    @Test
    void unknownFlagIsRejectedByName() {
        assertThatThrownBy(() -> SimulatorArgs.parse("--prot", "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown option --prot");
    }

    @Test
    void malformedValuesAreRejectedNamingTheFlag() {
        assertThatThrownBy(() -> SimulatorArgs.parse("--port", "70000")).hasMessageStartingWith("--port must be");
        assertThatThrownBy(() -> SimulatorArgs.parse("--token-ttl", "4h"))
                .hasMessageStartingWith("--token-ttl must be");
        assertThatThrownBy(() -> SimulatorArgs.parse("--seed", "x")).hasMessageStartingWith("--seed must be");
        assertThatThrownBy(() -> SimulatorArgs.parse("--port")).hasMessage("--port needs a value");
        assertThatThrownBy(() -> SimulatorArgs.parse("--port", "--sqs")).hasMessage("--port needs a value");
    }

    @Test
    void nonLoopbackWarningSaysTheControlApiHasNoAuthentication() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        SimulatorMain.warnNotLoopback(new PrintStream(buffer, true, StandardCharsets.UTF_8), "0.0.0.0");

        assertThat(buffer.toString(StandardCharsets.UTF_8))
                .contains("WARNING: listening on 0.0.0.0")
                .contains("NO authentication");
    }

    @Test
    void bannerNamesTheEndpointAndTheBuyerPage() {
        try (Simulator sim = Simulator.builder().port(0).build().start()) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            SimulatorMain.printBanner(
                    new PrintStream(buffer, true, StandardCharsets.UTF_8), sim, SimulatorArgs.parse());

            assertThat(buffer.toString(StandardCharsets.UTF_8))
                    .contains(sim.endpoint().toString())
                    .contains(sim.endpoint() + "/buyer");
        }
    }
}
