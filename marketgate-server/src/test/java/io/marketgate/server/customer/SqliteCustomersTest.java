package io.marketgate.server.customer;

import io.marketgate.server.shared.jdbc.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteCustomersTest extends CustomersContract {

    @TempDir
    Path folder;

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.sqlite(folder);
    }
}
