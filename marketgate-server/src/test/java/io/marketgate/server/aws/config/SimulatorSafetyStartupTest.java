package io.marketgate.server.aws.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.RefusedStartup;
import io.marketgate.server.RefusedStartup.Result;
import org.junit.jupiter.api.Test;

/**
 * Starts the real server in its own JVM, as an operator would, with settings that would expose the
 * simulator or bill into it: it exits non-zero with one line naming the property, and no stack trace.
 */
class SimulatorSafetyStartupTest {

    @Test
    void aWildcardBindAddressForTheEmbeddedSimulatorStopsStartup() throws Exception {
        Result result = RefusedStartup.run("--marketgate.simulator.bind-address=0.0.0.0");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.failureLines())
                .singleElement()
                .asString()
                .contains("marketgate.simulator.bind-address")
                .contains("not a loopback address")
                .contains("marketgate.simulator.allow-remote=true");
        assertThat(result.stderr()).doesNotContain("\tat ");
    }

    @Test
    void theEmbeddedSimulatorWithAPostgresqlDatabaseStopsStartup() throws Exception {
        Result result = RefusedStartup.run(
                // Nothing listens there: the refusal comes before any connection attempt.
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/marketgate",
                "--marketgate.simulator.embedded=true",
                "--marketgate.sellers.acme.account-id=111122223333",
                "--marketgate.products.analytics.product-code=prod-abc123",
                "--marketgate.products.analytics.identity-mode=license",
                "--marketgate.products.analytics.pricing-model=subscription",
                "--marketgate.products.analytics.dimensions[0].key=requests");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.failureLines())
                .singleElement()
                .asString()
                .contains("marketgate.simulator.embedded")
                .contains("PostgreSQL");
        assertThat(result.stderr()).doesNotContain("\tat ");
    }
}
