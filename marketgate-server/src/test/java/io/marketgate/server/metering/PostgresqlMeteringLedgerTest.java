package io.marketgate.server.metering;

import io.marketgate.server.shared.jdbc.TestDatabase;
import io.marketgate.testing.Piece;
import io.marketgate.testing.Requires;

@Requires(Piece.POSTGRESQL)
class PostgresqlMeteringLedgerTest extends MeteringLedgerContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgresql();
    }
}
