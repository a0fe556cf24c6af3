package io.marketgate.server.product.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.RefusedStartup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Starts the real server in its own JVM with a broken product configuration, as an operator would, and
 * checks it exits non-zero with one line that names the property, and no stack trace.
 */
class InvalidConfigurationStartupTest {

    private static final String PRODUCT = "--marketgate.products.analytics.";

    @Test
    void unknownIdentityModeStopsStartupWithOneLineNamingTheProperty() throws Exception {
        RefusedStartup.Result result = start(
                PRODUCT + "product-code=prod-abc123",
                PRODUCT + "identity-mode=foo",
                PRODUCT + "pricing-model=subscription",
                PRODUCT + "dimensions[0].key=requests");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.failureLines())
                .singleElement()
                .asString()
                .contains("marketgate.products.analytics.identity-mode")
                .contains("must be one of legacy, account, license");
        assertThat(result.stderr()).doesNotContain("\tat ");
    }

    @Test
    void missingProductCodeStopsStartupWithOneLineNamingTheProperty() throws Exception {
        RefusedStartup.Result result = start(
                PRODUCT + "identity-mode=license",
                PRODUCT + "pricing-model=subscription",
                PRODUCT + "dimensions[0].key=requests");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.failureLines())
                .singleElement()
                .asString()
                .contains("marketgate.products.analytics.product-code")
                .contains("Fix: set it to the product code");
        assertThat(result.stderr()).doesNotContain("\tat ");
    }

    private static RefusedStartup.Result start(String... productArguments) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--marketgate.sellers.acme.account-id=111122223333"));
        arguments.addAll(List.of(productArguments));
        return RefusedStartup.run(arguments.toArray(String[]::new));
    }
}
