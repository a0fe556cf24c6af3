package io.marketgate.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.shared.MutableClock;
import io.marketgate.server.shared.jdbc.TestDatabase;
import io.marketgate.server.shared.jdbc.TimestampColumns;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The outbox table on each database. */
abstract class OutboxContract {

    private TestDatabase database;
    private Outbox outbox;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:15:30.123Z"));

    protected abstract TestDatabase openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        TimestampColumns timestamps = TimestampColumns.of(database.dataSource());
        outbox = new Outbox(
                database.jdbcClient(),
                timestamps,
                clock,
                JsonMapper.builder().build(),
                new JdbcWebhookStore(database.jdbcClient(), timestamps, false),
                event -> {});
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void eventsAreListedInSequenceWithTheirPayloadAndTime() {
        String first = outbox.append("customer.registered", "cus_1", Map.of("tenant", "t-1"));
        clock.advance(java.time.Duration.ofSeconds(1));
        String second = outbox.append("subscription.changed", "cus_2", Map.of("state", "active"));

        var events = outbox.list(0, null, 10);

        assertThat(events).extracting(OutboxEvent::id).containsExactly(first, second);
        assertThat(events.get(0).sequence()).isLessThan(events.get(1).sequence());
        assertThat(events.get(0).payload()).isEqualTo("{\"tenant\":\"t-1\"}");
        assertThat(events.get(1).occurredAt()).isEqualTo(Instant.parse("2026-03-01T10:15:31.123Z"));
        assertThat(outbox.list(events.get(0).sequence(), null, 10))
                .extracting(OutboxEvent::id)
                .containsExactly(second);
    }

    @Test
    void oneCustomersEventsCanBeListedAlone() {
        outbox.append("customer.registered", "cus_1", Map.of());
        String other = outbox.append("customer.registered", "cus_2", Map.of());

        assertThat(outbox.list(0, "cus_2", 10)).extracting(OutboxEvent::id).containsExactly(other);
        assertThat(outbox.list(0, null, 1)).hasSize(1);
    }
}
