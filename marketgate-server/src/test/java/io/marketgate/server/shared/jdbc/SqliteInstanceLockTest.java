package io.marketgate.server.shared.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class SqliteInstanceLockTest {

    @TempDir
    Path folder;

    @Test
    void secondInstanceOnTheSameFileIsRefusedWithAClearMessage() {
        Path database = Path.of(folder + "/data/marketgate.db");
        try (SqliteInstanceLock first = SqliteInstanceLock.acquire(database)) {
            assertThatThrownBy(() -> SqliteInstanceLock.acquire(database))
                    .isInstanceOf(SqliteInUseException.class)
                    .hasMessage("Another Marketgate instance is using " + database + " (lock file " + database
                            + ".lock held). SQLite supports one instance; stop the other one or use PostgreSQL.");
        }
    }

    @Test
    void lockCanBeTakenAgainAfterRelease() {
        Path database = folder.resolve("marketgate.db");
        SqliteInstanceLock.acquire(database).close();

        try (SqliteInstanceLock again = SqliteInstanceLock.acquire(database)) {
            assertThat(folder.resolve("marketgate.db.lock")).exists();
        }
    }

    @Test
    void differentFilesDoNotBlockEachOther() {
        try (SqliteInstanceLock a = SqliteInstanceLock.acquire(folder.resolve("a.db"));
                SqliteInstanceLock b = SqliteInstanceLock.acquire(folder.resolve("b.db"))) {
            assertThat(a).isNotSameAs(b);
        }
    }

    @Test
    void startupFailureIsReportedAsTheMessageWithoutAStackTrace() {
        var inUse = new SqliteInUseException(Path.of("./data/marketgate.db"), Path.of("./data/marketgate.db.lock"));
        var wrapped = new BeanCreationException("dataSource", "Error creating bean", inUse);

        FailureAnalysis analysis = new SqliteInUseFailureAnalyzer().analyze(wrapped);

        assertThat(analysis.getDescription())
                .isEqualTo("Another Marketgate instance is using ./data/marketgate.db"
                        + " (lock file ./data/marketgate.db.lock held). SQLite supports one instance;"
                        + " stop the other one or use PostgreSQL.");
        assertThat(analysis.getAction()).contains("PostgreSQL");
    }
}
