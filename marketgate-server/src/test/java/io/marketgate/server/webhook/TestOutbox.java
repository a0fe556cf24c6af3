package io.marketgate.server.webhook;

import io.marketgate.server.shared.jdbc.TestDatabase;
import io.marketgate.server.shared.jdbc.TimestampColumns;
import java.time.Clock;

/** The real outbox over a test database, for other modules' repository tests without a Spring context. */
public final class TestOutbox {

    private TestOutbox() {}

    public static Outbox over(TestDatabase database, Clock clock) {
        return TestOutboxes.outbox(database.jdbcClient(), TimestampColumns.of(database.dataSource()), clock);
    }
}
