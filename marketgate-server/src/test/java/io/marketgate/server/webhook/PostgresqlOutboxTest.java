package io.marketgate.server.webhook;

import io.marketgate.server.shared.jdbc.TestDatabase;
import io.marketgate.testing.Piece;
import io.marketgate.testing.Requires;

@Requires(Piece.POSTGRESQL)
class PostgresqlOutboxTest extends OutboxContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgresql();
    }
}
