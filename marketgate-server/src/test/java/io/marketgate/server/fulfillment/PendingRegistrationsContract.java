package io.marketgate.server.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.server.customer.AwsIdentity;
import io.marketgate.server.customer.Customers;
import io.marketgate.server.customer.jdbc.JdbcCustomers;
import io.marketgate.server.fulfillment.jdbc.JdbcPendingRegistrations;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.Product;
import io.marketgate.server.product.ProductRecord;
import io.marketgate.server.product.jdbc.JdbcProductCatalog;
import io.marketgate.server.shared.MutableClock;
import io.marketgate.server.shared.jdbc.TestDatabase;
import io.marketgate.server.shared.jdbc.TimestampColumns;
import io.marketgate.server.webhook.TestOutboxes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/** Pending registrations on each database: bound to a browser, expiring, single-use, tamper-evident. */
abstract class PendingRegistrationsContract {

    private static final String ARN = "arn:aws:license-manager::111122223333:license:l-pending";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T10:00:00Z"));
    private final Product product = Catalog.demo().product("demo").orElseThrow();
    private TestDatabase database;
    private JdbcClient jdbc;
    private Customers customers;
    private PendingRegistrations pending;

    protected abstract TestDatabase openDatabase();

    @BeforeEach
    void setUp() {
        database = openDatabase();
        jdbc = database.jdbcClient();
        TimestampColumns timestamps = TimestampColumns.of(database.dataSource());
        new JdbcProductCatalog(jdbc, timestamps, clock)
                .upsert(ProductRecord.definition(
                        product.id(),
                        product.productCode(),
                        product.identityMode(),
                        product.pricingModel(),
                        product.seller().accountId(),
                        product.meteringRegion()));
        JdbcTransactionManager transactions = new JdbcTransactionManager(database.dataSource());
        customers = new Customers(
                new JdbcCustomers(jdbc, timestamps, JsonMapper.builder().build()),
                TestOutboxes.outbox(jdbc, timestamps, clock),
                event -> {},
                transactions,
                clock);
        pending = new PendingRegistrations(
                new JdbcPendingRegistrations(jdbc, timestamps),
                customers,
                new OnboardingKeys(SigningKey.random(), io.marketgate.webhooks.assertion.AssertionKey.generate()),
                new OnboardingSettings(Duration.ofMinutes(30), Duration.ofMinutes(2), 16_384, true, Map.of()),
                transactions,
                clock);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private PendingRegistrations.Started start() {
        return pending.start(product, "demo-product", new AwsIdentity(null, "444455556666", ARN), "free-trial");
    }

    @Test
    void theBrowserThatStartedItMayOpenItUntilItExpires() {
        var started = start();
        String id = started.pending().id();

        assertThat(pending.open(id, started.browserSecret())).isInstanceOf(PendingAccess.Open.class);
        clock.advance(Duration.ofMinutes(30).minusMillis(1));
        assertThat(pending.open(id, started.browserSecret())).isInstanceOf(PendingAccess.Open.class);
        clock.advance(Duration.ofMillis(1));
        assertThat(pending.open(id, started.browserSecret())).isEqualTo(new PendingAccess.Expired());
        assertThat(pending.complete(id, started.browserSecret(), product, Map.of()))
                .isEqualTo(new Completion.Refused(new PendingAccess.Expired()));
        assertThat(customers.list(null, null, null, 10)).isEmpty();
    }

    @Test
    void anotherBrowserOrNoCookieIsRefused() {
        var started = start();
        String id = started.pending().id();

        assertThat(pending.open(id, null)).isEqualTo(new PendingAccess.OtherBrowser());
        assertThat(pending.open(id, start().browserSecret())).isEqualTo(new PendingAccess.OtherBrowser());
        assertThat(pending.open("unknown", started.browserSecret())).isEqualTo(new PendingAccess.Unknown());
    }

    @Test
    void theBrowserSecretAndTheTokenAreNotStored() {
        var started = start();

        String row = jdbc.sql("SELECT * FROM pending_registration")
                .query()
                .listOfRows()
                .toString();

        assertThat(row).doesNotContain(started.browserSecret()).contains(ARN, "free-trial");
    }

    @Test
    void itCompletesOnceAndLinksTheCustomer() {
        var started = start();
        String id = started.pending().id();

        var first = pending.complete(id, started.browserSecret(), product, Map.of("company", "Acme"));
        var second = pending.complete(id, started.browserSecret(), product, Map.of("company", "Acme"));

        assertThat(first).isInstanceOf(Completion.Completed.class);
        assertThat(((Completion.Completed) first).created()).isTrue();
        String customerId = ((Completion.Completed) first).customer().id();
        assertThat(second).isInstanceOf(Completion.Refused.class);
        assertThat(((Completion.Refused) second).why()).isInstanceOf(PendingAccess.Used.class);
        assertThat(((PendingAccess.Used) pending.open(id, started.browserSecret()))
                        .pending()
                        .customerId())
                .isEqualTo(customerId);
        assertThat(customers.lookup(ARN)).extracting(c -> c.id()).containsExactly(customerId);
    }

    @Test
    void aRowAlteredInTheDatabaseIsRefused() {
        var started = start();
        String id = started.pending().id();

        jdbc.sql("UPDATE pending_registration SET license_arn = :arn WHERE id = :id")
                .param("arn", "arn:aws:license-manager::111122223333:license:l-someone-else")
                .param("id", id)
                .update();

        assertThat(pending.open(id, started.browserSecret())).isEqualTo(new PendingAccess.Unknown());
    }

    @Test
    void aFailedRegistrationLeavesThePendingRegistrationUsable() {
        PendingRegistrations.Started started =
                pending.start(product, "demo-product", new AwsIdentity("legacy-only", "444455556666", null), null);
        String id = started.pending().id();

        assertThatThrownBy(() -> pending.complete(id, started.browserSecret(), product, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(pending.open(id, started.browserSecret())).isInstanceOf(PendingAccess.Open.class);
        assertThat(customers.list(null, null, null, 10)).isEmpty();
    }

    @Test
    void expiredRowsAreRemovedAfterADay() {
        var old = start();
        clock.advance(Duration.ofMinutes(30).plusDays(1).plusSeconds(1));

        start();

        assertThat(pending.open(old.pending().id(), old.browserSecret())).isEqualTo(new PendingAccess.Unknown());
        assertThat(jdbc.sql("SELECT count(*) FROM pending_registration")
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }
}
