package io.marketgate.server.shared.jdbc;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.support.AbstractFallbackSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Gives SQLite errors the same Spring exceptions PostgreSQL errors get. Spring knows no SQLite error
 * codes and sqlite-jdbc sets no SQL state, so without this a unique violation is an
 * {@code UncategorizedSQLException} and code relying on {@link DuplicateKeyException} (idempotency by
 * unique index) would behave differently per database. Other databases go to Spring's usual translator.
 */
public final class SqliteExceptionTranslator extends AbstractFallbackSQLExceptionTranslator {

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_CONSTRAINT = 19;

    public SqliteExceptionTranslator(DataSource dataSource) {
        setFallbackTranslator(new SQLErrorCodeSQLExceptionTranslator(dataSource));
    }

    @Override
    protected DataAccessException doTranslate(String task, String sql, SQLException exception) {
        if (!(exception instanceof SQLiteException sqlite)) {
            return null;
        }
        SQLiteErrorCode code = sqlite.getResultCode();
        String message = buildMessage(task, sql, exception);
        return switch (code.code & 0xff) {
            case SQLITE_CONSTRAINT ->
                code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
                        ? new DuplicateKeyException(message, exception)
                        : new DataIntegrityViolationException(message, exception);
            case SQLITE_BUSY, SQLITE_LOCKED -> new CannotAcquireLockException(message, exception);
            default -> null;
        };
    }
}
