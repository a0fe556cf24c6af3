package io.marketgate.server.webhook;

import io.marketgate.server.shared.jdbc.TimestampColumns;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** An {@link Outbox} for repository tests of other modules, without a Spring context. */
public final class TestOutboxes {

    private TestOutboxes() {}

    public static Outbox outbox(JdbcClient jdbc, TimestampColumns timestamps, Clock clock) {
        // Deliveries are only sent by the dispatcher, which these tests do not run; no one listens to wake it.
        return new Outbox(
                jdbc,
                timestamps,
                clock,
                JsonMapper.builder().build(),
                new JdbcWebhookStore(jdbc, timestamps, false),
                event -> {});
    }
}
