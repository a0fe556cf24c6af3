package io.marketgate.server;

import java.nio.file.Path;
import java.util.UUID;

/** A fresh folder under target/ for a Spring context's SQLite file; one file per context, because of its lock. */
public final class TestDataFolder {

    private TestDataFolder() {}

    public static Path fresh() {
        return Path.of("target", "test-data", UUID.randomUUID().toString());
    }
}
