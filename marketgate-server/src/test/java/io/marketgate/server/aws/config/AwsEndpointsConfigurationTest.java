package io.marketgate.server.aws.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.server.aws.config.AwsConfiguration.SimulatorHolder;
import io.marketgate.server.shared.InvalidConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Combinations that would send real usage to a simulator, or fake keys to AWS, stop startup. */
class AwsEndpointsConfigurationTest {

    private static final SimulatorHolder NO_SIMULATOR = new SimulatorHolder(Optional.empty());

    @Test
    void simulatorCredentialsWithoutAnEndpointOverrideAreRefused() {
        assertThatThrownBy(() -> AwsConfiguration.endpoints(properties(null, true), NO_SIMULATOR))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.property())
                        .isEqualTo("marketgate.aws.simulator-credentials"));
    }

    @Test
    void withoutOverridesTheClientsGoToAwsWithTheDefaultChain() {
        var endpoints = AwsConfiguration.endpoints(properties(null, false), NO_SIMULATOR);

        assertThat(endpoints.marketplace()).isEmpty();
        assertThat(endpoints.simulatorCredentials()).isFalse();
    }

    @Test
    void aStandaloneSimulatorIsReachedThroughTheOverride() {
        var endpoints = AwsConfiguration.endpoints(properties(URI.create("http://127.0.0.1:4599"), true), NO_SIMULATOR);

        assertThat(endpoints.marketplace()).contains(URI.create("http://127.0.0.1:4599"));
        assertThat(endpoints.simulatorCredentials()).isTrue();
    }

    @Test
    void theEmbeddedSimulatorBesideAProductionDatabaseIsRefused() {
        assertThatThrownBy(() -> AwsConfiguration.refuseBesideAProductionDatabase(
                        "true", "jdbc:postgresql://db:5432/marketgate"))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.property()).isEqualTo("marketgate.simulator.embedded");
                    assertThat(e.getMessage()).contains("PostgreSQL");
                });
    }

    @Test
    void theEmbeddedSimulatorOnTheEmbeddedDatabaseOrAProductionDatabaseAloneAreFine() {
        assertThatCode(() -> AwsConfiguration.refuseBesideAProductionDatabase("true", null))
                .doesNotThrowAnyException();
        assertThatCode(() -> AwsConfiguration.refuseBesideAProductionDatabase(
                        "false", "jdbc:postgresql://db:5432/marketgate"))
                .doesNotThrowAnyException();
        assertThatCode(() ->
                        AwsConfiguration.refuseBesideAProductionDatabase(null, "jdbc:postgresql://db:5432/marketgate"))
                .doesNotThrowAnyException();
    }

    private static AwsProperties properties(URI override, boolean simulatorCredentials) {
        return new AwsProperties(
                override, null, simulatorCredentials, true, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }
}
