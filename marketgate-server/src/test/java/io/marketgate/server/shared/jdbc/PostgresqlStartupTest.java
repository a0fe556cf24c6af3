package io.marketgate.server.shared.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.simulator.Simulator;
import io.marketgate.testing.Piece;
import io.marketgate.testing.Requires;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server's own wiring with spring.datasource.url set to PostgreSQL: no SQLite, PostgreSQL migrations.
 * A real deployment configures its products (the demo refuses a production database, and so does the
 * embedded simulator); AWS is a standalone simulator reached through the endpoint override, and readiness
 * names it.
 */
@Requires(Piece.POSTGRESQL)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "marketgate.sellers.acme.account-id=111122223333",
            "marketgate.products.analytics.product-code=prod-analytics",
            "marketgate.products.analytics.identity-mode=license",
            "marketgate.products.analytics.pricing-model=subscription",
            "marketgate.products.analytics.dimensions[0].key=requests",
            "marketgate.aws.simulator-credentials=true"
        })
class PostgresqlStartupTest {

    private static final String SCHEMA =
            "mg_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private static final Simulator SIMULATOR =
            Simulator.builder().port(0).sqs(true).sqsPort(0).build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SIMULATOR.start();
        registry.add(
                "marketgate.aws.endpoint-override", () -> SIMULATOR.endpoint().toString());
        registry.add(
                "marketgate.aws.sqs-endpoint-override",
                () -> SIMULATOR.sqsEndpoint().toString());
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

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    HealthContributorRegistry healthContributors;

    @Test
    void usesPostgresqlAndItsMigrations() {
        assertThat(jdbc.sql("SELECT current_schema()").query(String.class).single())
                .isEqualTo(SCHEMA);
        assertThat(jdbc.sql(
                                "SELECT data_type FROM information_schema.columns"
                                        + " WHERE table_schema = current_schema() AND table_name = 'product' AND column_name = 'created_at'")
                        .query(String.class)
                        .single())
                .isEqualTo("timestamp with time zone");
    }

    @Test
    void readinessNamesTheSimulatorItBillsInto() {
        assertThat(healthContributors.getContributor("simulator")).isNotNull();
    }

    @Test
    void takesNoSqliteLock() {
        assertThat(context.getBeansOfType(SqliteInstanceLock.class)).isEmpty();
    }
}
