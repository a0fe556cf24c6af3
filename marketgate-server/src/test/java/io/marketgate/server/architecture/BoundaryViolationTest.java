package io.marketgate.server.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.fixture.violation.ViolatingApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * Proves the boundary check bites: in a fixture laid out like Marketgate, {@code metering} uses a class
 * from {@code subscription.jdbc}, and the same verification the build runs on the real code rejects it.
 */
class BoundaryViolationTest {

    // The fixture lives in test sources, which the default import skips; import everything here.
    @Test
    void meteringUsingSubscriptionJdbcFailsVerification() {
        assertThatThrownBy(() -> ApplicationModules.of(ViolatingApplication.class, location -> true)
                        .verify())
                .isInstanceOf(Violations.class)
                .hasMessageContaining("metering")
                .hasMessageContaining("subscription.jdbc");
    }
}
