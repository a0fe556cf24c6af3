package io.marketgate.server.subscription.intake.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.shared.MutableClock;
import io.marketgate.server.shared.jdbc.TestDatabase;
import io.marketgate.server.shared.jdbc.TimestampColumns;
import io.marketgate.server.subscription.intake.QuarantinedNotification;
import io.marketgate.server.webhook.Outbox;
import io.marketgate.server.webhook.OutboxEvent;
import io.marketgate.server.webhook.TestOutbox;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The quarantine table on each database. */
abstract class JdbcQuarantineContract {

    private static final String QUEUE = "http://127.0.0.1:9324/000000000000/marketgate-demo-notifications";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:15:30.123456Z"));
    private TestDatabase database;
    private Outbox outbox;
    private JdbcQuarantine quarantine;
    private TransactionTemplate transaction;

    protected abstract TestDatabase openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        outbox = TestOutbox.over(database, clock);
        quarantine =
                new JdbcQuarantine(database.jdbcClient(), TimestampColumns.of(database.dataSource()), outbox, clock);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aQuarantinedMessageIsStoredAsReceivedWithAnOutboxEvent() {
        var stored = store("msg-1", "bad signature", "{\"Type\":\"Notification\"}");

        assertThat(stored).isInstanceOf(JdbcQuarantine.Stored.Added.class);
        QuarantinedNotification row = quarantine.newestFirst(null, 10).getFirst();
        assertThat(row.messageKey()).isEqualTo("msg-1");
        assertThat(row.reason()).isEqualTo("bad signature");
        assertThat(row.body()).isEqualTo("{\"Type\":\"Notification\"}");
        assertThat(row.queueUrl()).isEqualTo(QUEUE);
        assertThat(row.productId()).isEqualTo("demo");
        assertThat(row.receivedAt()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123Z"));
        assertThat(outbox.list(0, null, 10)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("notification.quarantined");
            assertThat(event.payload()).contains("\"quarantineId\":" + row.id(), "\"reason\":\"bad signature\"");
        });
    }

    @Test
    void theSameMessageRedeliveredAddsNoSecondRowAndNoSecondEvent() {
        store("msg-1", "bad signature", "{}");
        var again = store("msg-1", "bad signature", "{}");

        assertThat(again).isInstanceOf(JdbcQuarantine.Stored.AlreadyStored.class);
        assertThat(quarantine.newestFirst(null, 10)).hasSize(1);
        assertThat(outbox.list(0, null, 10)).hasSize(1);
    }

    @Test
    void aBodyWithoutAnIdIsKeyedByItsHash() {
        store(null, "not JSON", "garbage");
        store(null, "not JSON", "garbage");
        store(null, "not JSON", "other garbage");

        assertThat(quarantine.newestFirst(null, 10))
                .extracting(QuarantinedNotification::messageKey)
                .containsExactly("sha256:" + sha256Hex("other garbage"), "sha256:" + sha256Hex("garbage"));
    }

    @Test
    void aDifferentBodyReusingAnIdIsKeptToo() {
        store("msg-1", "bad signature", "{\"a\":1}");
        store("msg-1", "bad signature", "{\"a\":2}");

        assertThat(quarantine.newestFirst(null, 10)).hasSize(2);
    }

    @Test
    void nothingIsKeptWhenTheTransactionRollsBack() {
        transaction.executeWithoutResult(status -> {
            quarantine.quarantine("msg-1", QUEUE, "demo", "bad signature", "{}");
            status.setRollbackOnly();
        });

        assertThat(quarantine.newestFirst(null, 10)).isEmpty();
        assertThat(outbox.list(0, null, 10)).isEmpty();
    }

    @Test
    void pagesGoFromNewestToOldest() {
        for (int i = 1; i <= 5; i++) {
            store("msg-" + i, "reason", "{}");
            clock.advance(Duration.ofSeconds(1));
        }

        var first = quarantine.newestFirst(null, 2);
        var second = quarantine.newestFirst(first.getLast().id(), 2);
        var last = quarantine.newestFirst(second.getLast().id(), 2);

        assertThat(first).extracting(QuarantinedNotification::messageKey).containsExactly("msg-5", "msg-4");
        assertThat(second).extracting(QuarantinedNotification::messageKey).containsExactly("msg-3", "msg-2");
        assertThat(last).extracting(QuarantinedNotification::messageKey).containsExactly("msg-1");
        assertThat(outbox.list(0, null, 10)).extracting(OutboxEvent::type).hasSize(5);
    }

    private JdbcQuarantine.Stored store(String messageId, String reason, String body) {
        return transaction.execute(status -> quarantine.quarantine(messageId, QUEUE, "demo", reason, body));
    }

    private static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
