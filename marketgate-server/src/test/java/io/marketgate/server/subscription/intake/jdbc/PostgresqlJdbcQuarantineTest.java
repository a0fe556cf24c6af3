package io.marketgate.server.subscription.intake.jdbc;

import io.marketgate.server.shared.jdbc.TestDatabase;
import io.marketgate.testing.Piece;
import io.marketgate.testing.Requires;

@Requires(Piece.POSTGRESQL)
class PostgresqlJdbcQuarantineTest extends JdbcQuarantineContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgresql();
    }
}
