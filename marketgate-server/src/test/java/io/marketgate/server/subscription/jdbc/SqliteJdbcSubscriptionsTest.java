package io.marketgate.server.subscription.jdbc;

import io.marketgate.server.shared.jdbc.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteJdbcSubscriptionsTest extends JdbcSubscriptionsContract {

    @TempDir
    Path folder;

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.sqlite(folder);
    }
}
