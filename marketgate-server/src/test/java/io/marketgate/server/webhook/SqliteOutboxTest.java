package io.marketgate.server.webhook;

import io.marketgate.server.shared.jdbc.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteOutboxTest extends OutboxContract {

    @TempDir
    Path folder;

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.sqlite(folder);
    }
}
