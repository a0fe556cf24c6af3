package io.marketgate.server.shared.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/**
 * Reads and writes {@link Instant}s in timestamp columns, whichever database is in use:
 * PostgreSQL columns are {@code timestamptz}; SQLite columns are {@code INTEGER} milliseconds since the
 * epoch (UTC), which sort and compare correctly, unlike text in mixed formats. Instants are truncated to
 * milliseconds on both, so both databases return the same values.
 */
public final class TimestampColumns {

    private final boolean epochMillis;

    private TimestampColumns(boolean epochMillis) {
        this.epochMillis = epochMillis;
    }

    /** Looks at the database behind {@code dataSource} once. */
    public static TimestampColumns of(DataSource dataSource) {
        return new TimestampColumns(DatabaseVendor.of(dataSource) == DatabaseVendor.SQLITE);
    }

    /** The precision both databases keep. */
    public static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The JDBC parameter value for {@code instant} (null stays null). */
    public Object bind(Instant instant) {
        if (instant == null) {
            return null;
        }
        Instant millis = truncate(instant);
        return epochMillis ? (Object) millis.toEpochMilli() : OffsetDateTime.ofInstant(millis, ZoneOffset.UTC);
    }

    /** The instant in {@code column} of the current row, or null. */
    public Instant read(ResultSet row, String column) throws SQLException {
        if (epochMillis) {
            long millis = row.getLong(column);
            return row.wasNull() ? null : Instant.ofEpochMilli(millis);
        }
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
