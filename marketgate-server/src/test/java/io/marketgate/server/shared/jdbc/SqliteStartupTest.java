package io.marketgate.server.shared.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.server.TestDataFolder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The server's own wiring with no database configured: SQLite in a folder that did not exist. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SqliteStartupTest {

    private static final Path DATABASE = TestDataFolder.fresh().resolve("nested/marketgate.db");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("marketgate.database.sqlite-path", DATABASE::toString);
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void startsOnSqliteInAFolderItCreates() throws SQLException {
        assertThat(DATABASE).exists();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL())
                    .startsWith("jdbc:sqlite:")
                    .endsWith("marketgate.db");
        }
    }

    @Test
    void migrationsRanFromTheSqliteFolder() {
        assertThat(jdbc.sql("SELECT script FROM flyway_schema_history WHERE version = '1'")
                        .query(String.class)
                        .single())
                .isEqualTo("V1__product.sql");
        // With no product configured, the demo product is registered at startup.
        assertThat(jdbc.sql("SELECT id FROM product").query(String.class).list())
                .containsExactly("demo");
    }

    @Test
    void pooledConnectionsEnforceForeignKeys() {
        assertThat(jdbc.sql("PRAGMA foreign_keys").query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("PRAGMA journal_mode").query(String.class).single()).isEqualTo("wal");
    }

    @Test
    void holdsTheInstanceLockWhileRunning() {
        assertThatThrownBy(() -> SqliteInstanceLock.acquire(DATABASE)).isInstanceOf(SqliteInUseException.class);
    }
}
