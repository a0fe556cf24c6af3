package io.marketgate.server.subscription.jdbc;

import io.marketgate.server.shared.jdbc.TestDatabase;
import io.marketgate.testing.Piece;
import io.marketgate.testing.Requires;

@Requires(Piece.POSTGRESQL)
class PostgresqlJdbcSubscriptionsTest extends JdbcSubscriptionsContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgresql();
    }
}
