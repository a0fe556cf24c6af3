package io.marketgate.server.shared.jdbc;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link SqliteInUseException} into a one-line startup failure instead of a stack trace. */
class SqliteInUseFailureAnalyzer extends AbstractFailureAnalyzer<SqliteInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SqliteInUseException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Stop the other instance, point marketgate.database.sqlite-path at another file,"
                        + " or set spring.datasource.url to a PostgreSQL database to run several instances.",
                cause);
    }
}
