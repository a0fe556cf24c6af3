package io.marketgate.server.metering;

import io.marketgate.server.shared.jdbc.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteMeteringLedgerTest extends MeteringLedgerContract {

    @TempDir
    Path folder;

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.sqlite(folder);
    }
}
