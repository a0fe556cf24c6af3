package io.marketgate.server.shared.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.marketgate.testing.Piece;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fresh, migrated database for repository tests, without a Spring context: a SQLite file in a temp
 * folder, or a throwaway schema in the test PostgreSQL that is dropped on close.
 */
public final class TestDatabase implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Runnable cleanup;

    private TestDatabase(HikariDataSource dataSource, Runnable cleanup) {
        this.dataSource = dataSource;
        this.cleanup = cleanup;
    }

    /** SQLite in {@code folder}, with the server's own pool and pragmas. */
    public static TestDatabase sqlite(Path folder) {
        HikariDataSource dataSource =
                SqliteDataSources.pooled(folder.resolve("marketgate.db"), Duration.ofSeconds(5), 4);
        migrate(dataSource, "sqlite", null);
        return new TestDatabase(dataSource, () -> {});
    }

    /** A new schema {@code mg_test_<random>} in the test PostgreSQL, so parallel runs never collide. */
    public static TestDatabase postgresql() {
        String url = Piece.Pieces.postgresUrl();
        String schema =
                "mg_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(url, "CREATE SCHEMA " + schema);
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        pool.setMaximumPoolSize(4);
        pool.setPoolName("test-" + schema);
        HikariDataSource dataSource = new HikariDataSource(pool);
        migrate(dataSource, "postgresql", schema);
        return new TestDatabase(dataSource, () -> execute(url, "DROP SCHEMA " + schema + " CASCADE"));
    }

    private static void migrate(DataSource dataSource, String vendor, String schema) {
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + vendor);
        if (schema != null) {
            flyway.schemas(schema);
        }
        flyway.load().migrate();
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on the test PostgreSQL", e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** A client that translates errors as the server's does. */
    public JdbcClient jdbcClient() {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setExceptionTranslator(new SqliteExceptionTranslator(dataSource));
        return JdbcClient.create(template);
    }

    @Override
    public void close() {
        dataSource.close();
        cleanup.run();
    }
}
