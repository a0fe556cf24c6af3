package io.marketgate.server.shared.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded SQLite database, used when {@code spring.datasource.url} is not set. With a
 * PostgreSQL URL in {@code spring.datasource.url} the standard {@code spring.datasource.*} settings apply
 * and these are ignored.
 *
 * @param sqlitePath database file, relative to the working directory unless absolute; its folder is
 *     created on start, and a sibling {@code .lock} file keeps a second instance away
 * @param sqliteBusyTimeout how long a connection waits for SQLite's single writer lock before failing
 * @param sqlitePoolSize connections in the pool; small, because SQLite has one writer at a time
 */
@ConfigurationProperties("marketgate.database")
public record DatabaseProperties(
        @DefaultValue("./data/marketgate.db") String sqlitePath,
        @DefaultValue("5s") Duration sqliteBusyTimeout,
        @DefaultValue("4") int sqlitePoolSize) {

    public DatabaseProperties {
        if (sqlitePath == null || sqlitePath.isBlank()) {
            throw new IllegalArgumentException(
                    "marketgate.database.sqlite-path must name a file, e.g. ./data/marketgate.db");
        }
        if (sqliteBusyTimeout == null || sqliteBusyTimeout.isNegative()) {
            throw new IllegalArgumentException("marketgate.database.sqlite-busy-timeout must be zero or more, e.g. 5s");
        }
        if (sqlitePoolSize < 1 || sqlitePoolSize > 16) {
            throw new IllegalArgumentException(
                    "marketgate.database.sqlite-pool-size must be between 1 and 16 (SQLite has one writer)");
        }
    }

    public Path sqliteFile() {
        return Path.of(sqlitePath);
    }
}
