package io.marketgate.server.shared.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The database behind a data source, for the few statements that differ between SQLite and PostgreSQL. */
public enum DatabaseVendor {
    SQLITE,
    POSTGRESQL,
    OTHER;

    /** Asks the database once, on one connection. */
    public static DatabaseVendor of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if ("SQLite".equalsIgnoreCase(product)) {
                return SQLITE;
            }
            return "PostgreSQL".equalsIgnoreCase(product) ? POSTGRESQL : OTHER;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database product name", e);
        }
    }
}
