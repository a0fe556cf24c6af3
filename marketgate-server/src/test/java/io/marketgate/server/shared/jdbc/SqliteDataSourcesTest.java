package io.marketgate.server.shared.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDataSourcesTest {

    @TempDir
    Path folder;

    @Test
    void missingFolderIsCreated() {
        Path file = folder.resolve("a/b/marketgate.db");
        try (HikariDataSource ignored = SqliteDataSources.pooled(file, Duration.ofSeconds(5), 1)) {
            assertThat(file).exists();
        }
    }

    @Test
    void everyPooledConnectionHasTheMoneySafePragmas() throws SQLException {
        try (HikariDataSource dataSource =
                SqliteDataSources.pooled(folder.resolve("x.db"), Duration.ofMillis(5000), 3)) {
            List<Connection> all = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    all.add(dataSource.getConnection()); // held at once, so three distinct physical connections
                }
                for (Connection connection : all) {
                    assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
                    assertThat(pragma(connection, "synchronous")).isEqualTo("2"); // FULL
                    assertThat(pragma(connection, "busy_timeout")).isEqualTo("5000");
                    assertThat(pragma(connection, "foreign_keys")).isEqualTo("1");
                }
            } finally {
                for (Connection connection : all) {
                    connection.close();
                }
            }
        }
    }

    @Test
    void poolStaysSmall() {
        try (HikariDataSource dataSource = SqliteDataSources.pooled(folder.resolve("x.db"), Duration.ofSeconds(5), 4)) {
            assertThat(dataSource.getMaximumPoolSize()).isEqualTo(4);
        }
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
