package io.marketgate.server.product.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.MarketgateApplication;
import io.marketgate.server.TestDataFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starts the real server in its own JVM with a broken product configuration, as an operator would, and
 * checks it exits non-zero with one line that names the property, and no stack trace.
 */
class InvalidConfigurationStartupTest {

    private static final String PRODUCT = "--marketgate.products.analytics.";

    @Test
    void unknownIdentityModeStopsStartupWithOneLineNamingTheProperty() throws Exception {
        Result result = start(
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
        Result result = start(
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

    private record Result(int exitCode, String stderr) {
        List<String> failureLines() {
            return stderr.lines()
                    .filter(line -> line.startsWith("Marketgate did not start:"))
                    .toList();
        }
    }

    private static Result start(String... productArguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                MarketgateApplication.class.getName(),
                "--server.port=0",
                "--marketgate.database.sqlite-path=" + TestDataFolder.fresh().resolve("marketgate.db"),
                "--marketgate.sellers.acme.account-id=111122223333"));
        command.addAll(List.of(productArguments));
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("server did not stop within 60 s; stderr: " + stderr);
        }
        return new Result(process.exitValue(), stderr);
    }
}
