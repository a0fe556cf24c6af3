package io.marketgate.server.webhook;

import io.marketgate.server.shared.jdbc.TestDatabase;
import io.marketgate.server.shared.jdbc.TimestampColumns;
import java.time.Clock;
import tools.jackson.databind.json.JsonMapper;

/** The real outbox over a test database, for other modules' repository tests without a Spring context. */
public final class TestOutbox {

    private TestOutbox() {}

    public static Outbox over(TestDatabase database, Clock clock) {
        TimestampColumns timestamps = TimestampColumns.of(database.dataSource());
        return new Outbox(
                database.jdbcClient(),
                timestamps,
                clock,
                JsonMapper.builder().build(),
                new JdbcWebhookStore(database.jdbcClient(), timestamps, false),
                event -> {});
    }
}
