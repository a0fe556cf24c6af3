package io.marketgate.server.subscription.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.shared.jdbc.TestDatabase;
import io.marketgate.server.shared.jdbc.TimestampColumns;
import io.marketgate.server.subscription.SubscriptionState;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The subscription table on each database. */
abstract class JdbcSubscriptionsContract {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123Z");

    private TestDatabase database;
    private JdbcSubscriptions subscriptions;

    protected abstract TestDatabase openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        subscriptions = new JdbcSubscriptions(database.jdbcClient(), TimestampColumns.of(database.dataSource()));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static SubscriptionRecord pending(String key) {
        return new SubscriptionRecord(
                "demo", key, SubscriptionState.PENDING, null, null, null, null, null, false, null, null, NOW, NOW, 0);
    }

    @Test
    void theFirstInsertCreatesTheRowAndALaterOneChangesNothing() {
        assertThat(subscriptions.insertIfAbsent(pending("X1"))).isTrue();
        var other = new SubscriptionRecord(
                "demo", "X1", SubscriptionState.ACTIVE, "cus_1", null, null, null, null, true, NOW, null, NOW, NOW, 3);

        assertThat(subscriptions.insertIfAbsent(other)).isFalse();
        assertThat(subscriptions.find("demo", "X1")).contains(pending("X1"));
    }

    @ParameterizedTest
    @EnumSource(SubscriptionState.class)
    void everyStateRoundTrips(SubscriptionState state) {
        subscriptions.insertIfAbsent(pending("X1"));
        var changed = new SubscriptionRecord(
                "demo",
                "X1",
                state,
                "cus_1",
                "X1",
                "123456789012",
                "arn:aws:license-manager::123456789012:license:l-1",
                "agmt-1",
                true,
                NOW,
                NOW.plusSeconds(3600),
                NOW,
                NOW.plusSeconds(1),
                7);

        subscriptions.update(changed);

        assertThat(subscriptions.find("demo", "X1")).contains(changed);
        assertThat(subscriptions.byCustomer("cus_1")).containsExactly(changed);
        assertThat(subscriptions.changedAfter(6)).containsExactly(changed);
        assertThat(subscriptions.changedAfter(7)).isEmpty();
    }

    @Test
    void theAccessVersionOnlyGrows() {
        long first = subscriptions.currentAccessVersion();

        assertThat(subscriptions.nextAccessVersion()).isEqualTo(first + 1);
        assertThat(subscriptions.nextAccessVersion()).isEqualTo(first + 2);
        assertThat(subscriptions.currentAccessVersion()).isEqualTo(first + 2);
    }

    @Test
    void onlyDeprovisioningRowsPastTheirHourAreDue() {
        subscriptions.insertIfAbsent(pending("due"));
        subscriptions.insertIfAbsent(pending("later"));
        subscriptions.update(new SubscriptionRecord(
                "demo",
                "due",
                SubscriptionState.DEPROVISIONING,
                null,
                null,
                null,
                null,
                null,
                false,
                NOW,
                NOW,
                NOW,
                NOW,
                1));
        subscriptions.update(new SubscriptionRecord(
                "demo",
                "later",
                SubscriptionState.DEPROVISIONING,
                null,
                null,
                null,
                null,
                null,
                false,
                NOW,
                NOW.plusSeconds(1),
                NOW,
                NOW,
                2));

        assertThat(subscriptions.deprovisionedBefore(NOW, 10))
                .extracting(SubscriptionRecord::key)
                .containsExactly("due");
    }
}
