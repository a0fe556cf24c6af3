package io.marketgate.server.subscription.intake.jdbc;

import io.marketgate.server.shared.jdbc.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteJdbcQuarantineTest extends JdbcQuarantineContract {

    @TempDir
    Path folder;

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.sqlite(folder);
    }
}
