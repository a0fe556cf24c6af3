package io.marketgate.simulator.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.simulator.MarketplaceFixtures;
import io.marketgate.simulator.RawAwsJson;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.IdentityMode;
import io.marketgate.simulator.state.SimState;
import io.marketgate.testing.Piece;
import io.marketgate.testing.Requires;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** AWS CLI v2 against the simulator: its old model exercises the legacy mode (ProductCode + CustomerIdentifier). */
@Requires(Piece.AWS_CLI_V2)
class AwsCliMeteringTest {

    static Simulator sim;
    static SimState.Subscription subscription;

    @TempDir
    static Path home;

    record CliResult(int exitCode, String stdout, String stderr) {
        JsonNode json() {
            return RawAwsJson.JSON.readTree(stdout);
        }
    }

    @BeforeAll
    static void start() {
        sim = MarketplaceFixtures.simulator(1010)
                .meteringRequestsPerSecond(0)
                .build()
                .start();
        MarketplaceFixtures.product(sim.state(), "legacyprod", IdentityMode.LEGACY);
        subscription = MarketplaceFixtures.subscribe(sim.state(), "legacyprod", "290000000001");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void resolveCustomerReturnsTheLegacyIdentity() throws Exception {
        CliResult result = aws(
                "resolve-customer", "--registration-token", subscription.token().token());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.json().get("CustomerIdentifier").asString())
                .isEqualTo(sim.state().buyer("290000000001").customerIdentifier());
        assertThat(result.json().get("ProductCode").asString()).isEqualTo("legacyprod");
    }

    @Test
    void batchMeterUsageWithIntegerTimestampsIsSuccess() throws Exception {
        String customer = sim.state().buyer("290000000001").customerIdentifier();
        CliResult result = aws(
                "batch-meter-usage",
                "--product-code",
                "legacyprod",
                "--usage-records",
                "[{\"Timestamp\":\"2026-03-15T10:00:00Z\",\"CustomerIdentifier\":\"" + customer
                        + "\",\"Dimension\":\"users\",\"Quantity\":3}]");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.json().at("/Results/0/Status").asString()).isEqualTo("Success");
        assertThat(sim.ledger().entries(LedgerQuery.ALL.withCustomer(customer)))
                .singleElement()
                .satisfies(entry -> assertThat(entry.quantity()).isEqualTo(3));
    }

    @Test
    void unknownProductCodeFailsWithTheAwsErrorOnStderr() throws Exception {
        CliResult result = aws(
                "batch-meter-usage",
                "--product-code",
                "nosuchproduct",
                "--usage-records",
                "[{\"Timestamp\":\"2026-03-15T10:00:00Z\",\"CustomerIdentifier\":\"X\",\"Dimension\":\"users\",\"Quantity\":1}]");

        assertThat(result.exitCode()).isEqualTo(254);
        assertThat(result.stderr())
                .contains("An error occurred (InvalidProductCodeException) when calling the"
                        + " BatchMeterUsage operation");
    }

    @Test
    void invalidTokenFailsWithInvalidTokenException() throws Exception {
        CliResult result = aws("resolve-customer", "--registration-token", "bogus");

        assertThat(result.exitCode()).isEqualTo(254);
        assertThat(result.stderr()).contains("(InvalidTokenException)");
    }

    private static CliResult aws(String... operation) throws Exception {
        Path config = Files.writeString(home.resolve("config"), "");
        Path credentials = Files.writeString(home.resolve("credentials"), "");
        List<String> command =
                new ArrayList<>(List.of(Piece.Pieces.awsCliV2().orElseThrow().toString(), "meteringmarketplace"));
        command.addAll(List.of(operation));
        command.addAll(
                List.of("--endpoint-url", sim.endpoint().toString(), "--region", "us-east-1", "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.putAll(Map.of(
                "AWS_ACCESS_KEY_ID",
                "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY",
                "dummy-secret-key",
                "AWS_CONFIG_FILE",
                config.toString(),
                "AWS_SHARED_CREDENTIALS_FILE",
                credentials.toString(),
                "AWS_PAGER",
                "",
                "AWS_EC2_METADATA_DISABLED",
                "true",
                "HOME",
                home.toString()));
        // Files, not pipes: a chatty stream cannot block the CLI while the other one is read.
        Path stdout = home.resolve("stdout");
        Path stderr = home.resolve("stderr");
        Process process = builder.redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("aws CLI finished").isTrue();
        return new CliResult(
                process.exitValue(),
                Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
