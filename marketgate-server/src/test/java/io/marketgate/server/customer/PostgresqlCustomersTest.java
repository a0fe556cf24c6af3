package io.marketgate.server.customer;

import io.marketgate.server.shared.jdbc.TestDatabase;
import io.marketgate.testing.Piece;
import io.marketgate.testing.Requires;

@Requires(Piece.POSTGRESQL)
class PostgresqlCustomersTest extends CustomersContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgresql();
    }
}
