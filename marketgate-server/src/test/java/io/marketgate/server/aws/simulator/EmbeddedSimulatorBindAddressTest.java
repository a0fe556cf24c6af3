package io.marketgate.server.aws.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.server.aws.config.SimulatorProperties;
import io.marketgate.server.shared.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The embedded simulator's unauthenticated API stays on loopback unless remote access is asked for. */
class EmbeddedSimulatorBindAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "192.0.2.10"})
    void aNonLoopbackAddressIsRefusedNamingTheProperty(String address) {
        assertThatThrownBy(() -> EmbeddedSimulator.loopbackOrAllowed(properties(address, false)))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.property()).isEqualTo("marketgate.simulator.bind-address");
                    assertThat(e.getMessage()).contains(address).contains("not a loopback address");
                    assertThat(e.fix()).contains("marketgate.simulator.allow-remote=true");
                });
    }

    @Test
    void theWildcardIsCalledOut() {
        assertThatThrownBy(() -> EmbeddedSimulator.loopbackOrAllowed(properties("0.0.0.0", false)))
                .hasMessageContaining("wildcard");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "::1", "localhost"})
    void loopbackAddressesAreAcceptedWithoutAWarning(String address) {
        assertThat(EmbeddedSimulator.loopbackOrAllowed(properties(address, false))
                        .isLoopbackAddress())
                .isTrue();
        assertThat(EmbeddedSimulator.exposureWarning(properties(address, false)))
                .isEmpty();
    }

    @Test
    void allowRemoteAcceptsTheWildcardAndWarnsAboutTheConfiguredAddress() {
        assertThat(EmbeddedSimulator.loopbackOrAllowed(properties("0.0.0.0", true))
                        .isAnyLocalAddress())
                .isTrue();
        assertThat(EmbeddedSimulator.exposureWarning(properties("0.0.0.0", true)))
                .hasValueSatisfying(
                        warning -> assertThat(warning).contains("0.0.0.0").contains("no authentication"));
    }

    @Test
    void anUnknownHostIsAConfigurationError() {
        assertThatThrownBy(() -> EmbeddedSimulator.loopbackOrAllowed(properties("no-such-host.invalid", false)))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.property())
                        .isEqualTo("marketgate.simulator.bind-address"));
    }

    private static SimulatorProperties properties(String bindAddress, boolean allowRemote) {
        return new SimulatorProperties(true, bindAddress, 0, 0, null, allowRemote);
    }
}
