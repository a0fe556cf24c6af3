package io.marketgate.server.subscription;

import io.marketgate.simulator.Simulator;
import io.marketgate.testing.Piece;
import io.marketgate.testing.Requires;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@Requires(Piece.POSTGRESQL)
class PostgresqlLifecycleTest extends LifecycleContract {

    private static final String SCHEMA =
            "mg_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    // A production database never runs beside the embedded simulator: a standalone one stands in for AWS.
    private static final Simulator SIMULATOR =
            Simulator.builder().port(0).sqs(true).sqsPort(0).build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SIMULATOR.start();
        registry.add("marketgate.simulator.embedded", () -> "false");
        registry.add(
                "marketgate.aws.endpoint-override", () -> SIMULATOR.endpoint().toString());
        registry.add(
                "marketgate.aws.sqs-endpoint-override",
                () -> SIMULATOR.sqsEndpoint().toString());
        registry.add("marketgate.aws.simulator-credentials", () -> "true");
        String url = Piece.Pieces.postgresUrl();
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        SIMULATOR.close();
        try (Connection connection = DriverManager.getConnection(Piece.Pieces.postgresUrl())) {
            connection.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }
}
