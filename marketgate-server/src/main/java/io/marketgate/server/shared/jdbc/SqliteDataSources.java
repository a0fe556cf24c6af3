package io.marketgate.server.shared.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Builds the pooled SQLite data source with settings fit for money; shared by the server and the tests. */
public final class SqliteDataSources {

    private SqliteDataSources() {}

    /**
     * A small pool over {@code file}, creating its folder first (sqlite-jdbc does not, and then fails with
     * SQLITE_CANTOPEN). The pragmas live in the {@link SQLiteConfig}, which sqlite-jdbc applies to every
     * connection it opens, so every pooled connection has them.
     */
    public static HikariDataSource pooled(Path file, Duration busyTimeout, int poolSize) {
        createParentFolder(file);
        SQLiteConfig config = new SQLiteConfig();
        // WAL: readers do not block the writer. FULL: a committed transaction survives power loss.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(Math.toIntExact(busyTimeout.toMillis()));
        config.enforceForeignKeys(true);
        // IMMEDIATE takes the write lock at BEGIN: writers queue behind busy_timeout instead of failing
        // with SQLITE_BUSY when a read transaction later tries to write.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + file);

        HikariConfig pool = new HikariConfig();
        pool.setPoolName("marketgate-sqlite");
        pool.setDataSource(sqlite);
        pool.setMaximumPoolSize(poolSize);
        pool.setMinimumIdle(1);
        return new HikariDataSource(pool);
    }

    static void createParentFolder(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the database folder " + parent, e);
        }
    }
}
