package io.marketgate.server.metering.jdbc;

import io.marketgate.server.shared.jdbc.TimestampColumns;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * PostgreSQL array parameters, one per column of a list of rows, for statements that take a whole request
 * as {@code unnest(...)}: one statement instead of one execution per row. Instants travel as ISO-8601 text
 * at millisecond precision (as {@link TimestampColumns} stores them) and are cast to {@code timestamptz[]}
 * by the statement.
 */
final class ColumnArrays<T> {

    private final Connection connection;
    private final List<T> rows;

    ColumnArrays(Connection connection, List<T> rows) {
        this.connection = connection;
        this.rows = rows;
    }

    Array texts(Function<T, String> column) throws SQLException {
        return connection.createArrayOf("text", rows.stream().map(column).toArray(String[]::new));
    }

    Array longs(Function<T, Long> column) throws SQLException {
        return connection.createArrayOf("bigint", rows.stream().map(column).toArray(Long[]::new));
    }

    Array instants(Function<T, Instant> column) throws SQLException {
        return texts(row -> {
            Instant instant = column.apply(row);
            return instant == null ? null : TimestampColumns.truncate(instant).toString();
        });
    }
}
