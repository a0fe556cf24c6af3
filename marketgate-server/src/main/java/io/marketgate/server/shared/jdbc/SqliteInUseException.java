package io.marketgate.server.shared.jdbc;

import java.nio.file.Path;

/** Another process (or this one) already holds the SQLite database; SQLite supports one instance. */
public class SqliteInUseException extends RuntimeException {

    public SqliteInUseException(Path databaseFile, Path lockFile) {
        super("Another Marketgate instance is using " + databaseFile + " (lock file " + lockFile + " held)."
                + " SQLite supports one instance; stop the other one or use PostgreSQL.");
    }
}
