package io.marketgate.simulator.entitlement;

import static io.marketgate.simulator.ContractFixtures.allValueTypes;
import static io.marketgate.simulator.ContractFixtures.contractProduct;
import static io.marketgate.simulator.ContractFixtures.directContract;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.IdentityMode;
import io.marketgate.testing.Piece;
import io.marketgate.testing.Requires;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GetEntitlements through AWS CLI v2 (its old model: legacy mode, awsJson, two filters). */
@Requires(Piece.AWS_CLI_V2)
class EntitlementCliTest {

    private static final String PRODUCT = "prodcli00000001";
    private static Simulator sim;

    @TempDir
    static Path home;

    @BeforeAll
    static void start() {
        sim = Simulator.builder().port(0).seed(5).build().start();
        contractProduct(sim, PRODUCT, IdentityMode.LEGACY);
        for (int buyer = 1; buyer <= 3; buyer++) {
            directContract(sim, PRODUCT, "41000000000" + buyer, allValueTypes(buyer));
        }
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void withoutPaginationTheCliShowsOnePageAndItsNextToken() throws Exception {
        JsonNode page = cli("--no-paginate", "--max-results", "5");

        assertThat(page.get("Entitlements")).hasSize(5);
        assertThat(page.get("NextToken").stringValue()).isNotBlank();
        assertThat(page.get("Entitlements").get(0).get("ExpirationDate").asString())
                .startsWith("2027-06-30T00:00:00");
    }

    @Test
    void theCliFollowsNextTokensThroughEmptyPagesToEveryEntitlement() throws Exception {
        sim.entitlementPaging().emptyPageEvery(2);
        try {
            JsonNode all = cli("--page-size", "5");

            assertThat(all.get("Entitlements")).hasSize(12);
        } finally {
            sim.entitlementPaging().emptyPageEvery(0);
        }
    }

    @Test
    void theDimensionFilterWithACustomerFilterReachesTheSimulator() throws Exception {
        String first = sim.state().buyer("410000000001").customerIdentifier();
        String third = sim.state().buyer("410000000003").customerIdentifier();
        JsonNode page = cli(
                "--filter",
                "{\"DIMENSION\": [\"seats\", \"tier\"], \"CUSTOMER_IDENTIFIER\": [\"" + first + "\", \"" + third
                        + "\"]}");

        assertThat(page.get("Entitlements").values())
                .extracting(e -> e.get("Dimension").stringValue())
                .containsOnly("seats", "tier")
                .hasSize(4);
    }

    @Test
    void anEmptyResultHasNoEntitlementsKey() throws Exception {
        JsonNode page = cli("--filter", "{\"CUSTOMER_IDENTIFIER\": [\"nobody\"]}");

        assertThat(page.has("Entitlements")).as(page.toString()).isFalse();
    }

    private static JsonNode cli(String... extra) throws Exception {
        Path config = Files.writeString(home.resolve("config"), "");
        Path credentials = Files.writeString(home.resolve("credentials"), "");
        List<String> command = new ArrayList<>(List.of(
                Piece.Pieces.awsCliV2().orElseThrow().toString(),
                "marketplace-entitlement",
                "get-entitlements",
                "--product-code",
                PRODUCT,
                "--endpoint-url",
                sim.endpoint().toString(),
                "--region",
                "us-east-1",
                "--output",
                "json"));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment()
                .putAll(java.util.Map.of(
                        "AWS_ACCESS_KEY_ID",
                        "AKIDTEST",
                        "AWS_SECRET_ACCESS_KEY",
                        "secret",
                        "AWS_CONFIG_FILE",
                        config.toString(),
                        "AWS_SHARED_CREDENTIALS_FILE",
                        credentials.toString(),
                        "AWS_PAGER",
                        "",
                        "HOME",
                        home.toString()));
        builder.environment().remove("AWS_PROFILE");
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(out)).isZero();
        return JsonMapper.builder().build().readTree(out);
    }
}
