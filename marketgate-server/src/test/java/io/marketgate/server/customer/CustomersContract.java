package io.marketgate.server.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.server.customer.jdbc.JdbcCustomers;
import io.marketgate.server.product.IdentityMode;
import io.marketgate.server.product.Onboarding;
import io.marketgate.server.product.PricingModel;
import io.marketgate.server.product.Product;
import io.marketgate.server.product.ProductRecord;
import io.marketgate.server.product.Seller;
import io.marketgate.server.product.jdbc.JdbcProductCatalog;
import io.marketgate.server.shared.MutableClock;
import io.marketgate.server.shared.jdbc.TestDatabase;
import io.marketgate.server.shared.jdbc.TimestampColumns;
import io.marketgate.server.webhook.Outbox;
import io.marketgate.server.webhook.OutboxEvent;
import io.marketgate.server.webhook.TestOutboxes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The customer table and service, run once per database by the subclasses. */
abstract class CustomersContract {

    private static final Instant START = Instant.parse("2026-11-02T10:15:30.123456Z");
    private static final String ARN = "arn:aws:license-manager:us-east-1:111122223333:license:l-0a1b2c";

    private final MutableClock clock = new MutableClock(START);
    private final List<Object> published = new ArrayList<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private TestDatabase database;
    private JdbcClient jdbc;
    private Outbox outbox;
    private JdbcTransactionManager transactions;
    private Customers customers;

    protected abstract TestDatabase openDatabase();

    @BeforeEach
    void setUp() {
        database = openDatabase();
        jdbc = database.jdbcClient();
        TimestampColumns timestamps = TimestampColumns.of(database.dataSource());
        JdbcProductCatalog catalog = new JdbcProductCatalog(jdbc, timestamps, clock);
        for (String id : List.of("alpha", "beta")) {
            catalog.upsert(ProductRecord.definition(
                    id, "code-" + id, IdentityMode.LICENSE, PricingModel.SUBSCRIPTION, "111122223333", "us-east-1"));
        }
        outbox = TestOutboxes.outbox(jdbc, timestamps, clock);
        transactions = new JdbcTransactionManager(database.dataSource());
        customers = new Customers(
                new JdbcCustomers(jdbc, timestamps, JsonMapper.builder().build()),
                outbox,
                event -> {
                    published.add(event);
                    listeners.forEach(Runnable::run);
                },
                transactions,
                clock);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private static Product product(String id, IdentityMode mode) {
        return new Product(
                id,
                "code-" + id,
                new Seller("s", "111122223333", null, null, "us-east-1"),
                mode,
                PricingModel.SUBSCRIPTION,
                "us-east-1",
                List.of(),
                Onboarding.AUTOMATIC,
                null);
    }

    private Customer register(String productId, AwsIdentity identity) {
        return customers
                .register(product(productId, IdentityMode.LICENSE), identity, Map.of("company", "Acme"))
                .customer();
    }

    @Test
    void registrationStoresTheCustomerPublishesTheEventAndAppendsTheOutboxRow() {
        var outcome = customers.register(
                product("alpha", IdentityMode.LICENSE),
                new AwsIdentity(null, "444455556666", ARN),
                Map.of("company", "Acme", "email", "ops@gmail.com"));

        assertThat(outcome).isInstanceOf(Registration.Registered.class);
        Customer customer = outcome.customer();
        assertThat(customer.id()).startsWith("cus_");
        assertThat(customer.registeredAt()).isEqualTo(Instant.parse("2026-11-02T10:15:30.123Z"));
        assertThat(customers.byId(customer.id())).contains(customer);
        assertThat(published).containsExactly(new CustomerRegistered(customer));
        List<OutboxEvent> rows = outbox.list(0, customer.id(), 10);
        assertThat(rows).extracting(OutboxEvent::type).containsExactly("customer.registered");
        assertThat(rows.get(0).payload()).contains(ARN, "444455556666", "ops@gmail.com");
    }

    @Test
    void aBuyerRegisteringTwiceKeepsTheFirstCustomerAndNoSecondEvent() {
        Customer first = register("alpha", new AwsIdentity(null, "444455556666", ARN));

        var again = customers.register(
                product("alpha", IdentityMode.LICENSE),
                new AwsIdentity(null, "444455556666", ARN.substring(4)),
                Map.of("company", "Other"));

        assertThat(again).isEqualTo(new Registration.AlreadyRegistered(first));
        assertThat(published).hasSize(1);
        assertThat(outbox.list(0, null, 10)).hasSize(1);
    }

    @Test
    void aFailingListenerRollsBackTheCustomerAndItsOutboxRow() {
        listeners.add(() -> {
            throw new IllegalStateException("listener failed");
        });

        assertThatThrownBy(() -> register("alpha", new AwsIdentity(null, "444455556666", ARN)))
                .hasMessage("listener failed");

        assertThat(customers.list(null, null, null, 10)).isEmpty();
        assertThat(outbox.list(0, null, 10)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(IdentityMode.class)
    void eachIdentityModeKeysTheCustomerByItsOwnField(IdentityMode mode) {
        Product product = product("alpha", mode);
        AwsIdentity identity = new AwsIdentity("cust-legacy-1", "444455556666", ARN);
        Customer customer = customers.register(product, identity, Map.of()).customer();
        // Same key, other fields: the same buyer in this mode.
        AwsIdentity sameKey =
                switch (mode) {
                    case LEGACY -> new AwsIdentity("cust-legacy-1", "999999999999", ARN + "9");
                    case ACCOUNT -> new AwsIdentity("cust-other", "444455556666", ARN + "9");
                    case LICENSE -> new AwsIdentity("cust-other", "999999999999", ARN);
                };

        assertThat(customers.register(product, sameKey, Map.of())).isInstanceOf(Registration.AlreadyRegistered.class);
        assertThat(customers.byKey("alpha", identity.key(mode))).contains(customer);
    }

    @Test
    void anIdentityWithoutTheModesKeyIsRefused() {
        assertThatThrownBy(() -> customers.register(
                        product("alpha", IdentityMode.LEGACY), new AwsIdentity(null, "444455556666", ARN), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("legacy");
    }

    @Test
    void lookupFindsACustomerByEveryIdItHas() {
        Customer customer = register("alpha", new AwsIdentity("cust-legacy-1", "444455556666", ARN));
        customers.setTenant(customer.id(), "tenant-7");
        Customer stored = customers.byId(customer.id()).orElseThrow();

        for (String id : List.of(customer.id(), "tenant-7", ARN, ARN.substring(4), "cust-legacy-1", "444455556666")) {
            assertThat(customers.lookup(id)).as(id).containsExactly(stored);
        }
        assertThat(customers.lookup("nobody")).isEmpty();
        assertThat(customers.lookup("")).isEmpty();
    }

    @Test
    void anAccountWithSeveralLicensesReturnsThemAll() {
        Customer first = register("alpha", new AwsIdentity(null, "444455556666", ARN + "1"));
        clock.advance(Duration.ofMillis(1));
        Customer second = register("alpha", new AwsIdentity(null, "444455556666", ARN + "2"));
        register("alpha", new AwsIdentity(null, "777788889999", ARN + "3"));

        assertThat(customers.lookup("444455556666")).containsExactly(first, second);
    }

    @Test
    void listFiltersByProductAndAccountAndPagesByIdCursor() {
        List<Customer> alpha = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            alpha.add(register("alpha", new AwsIdentity(null, "44445555666" + (i % 2), ARN + i)));
            clock.advance(Duration.ofMillis(1));
        }
        Customer beta = register("beta", new AwsIdentity(null, "444455556660", ARN + "b"));

        List<Customer> firstPage = customers.list("alpha", null, null, 2);
        assertThat(firstPage).containsExactly(alpha.get(0), alpha.get(1));
        assertThat(customers.list("alpha", null, firstPage.get(1).id(), 10))
                .containsExactly(alpha.get(2), alpha.get(3), alpha.get(4));
        assertThat(customers.list(null, "444455556660", null, 10))
                .containsExactly(alpha.get(0), alpha.get(2), alpha.get(4), beta);
        assertThat(customers.list("beta", "444455556660", null, 10)).containsExactly(beta);
        assertThat(customers.list(null, null, null, 100)).hasSize(6);
    }

    @Test
    void setTenantUpdatesAndReportsMissingCustomers() {
        Customer customer = register("alpha", new AwsIdentity(null, "444455556666", ARN));

        var change = customers.setTenant(customer.id(), "tenant-1");
        assertThat(change).isInstanceOf(TenantChange.Updated.class);
        assertThat(((TenantChange.Updated) change).customer().tenantId()).isEqualTo("tenant-1");
        assertThat(customers.setTenant(customer.id(), "tenant-2")).isInstanceOf(TenantChange.Updated.class);
        assertThat(customers.byId(customer.id()).orElseThrow().tenantId()).isEqualTo("tenant-2");
        assertThat(customers.setTenant("cus_missing", "tenant-3")).isEqualTo(new TenantChange.NotFound("cus_missing"));
    }

    @Test
    void aTenantIdIsUniquePerProductOnly() {
        Customer holder = register("alpha", new AwsIdentity(null, "444455556666", ARN + "1"));
        Customer other = register("alpha", new AwsIdentity(null, "444455556666", ARN + "2"));
        Customer elsewhere = register("beta", new AwsIdentity(null, "444455556666", ARN + "3"));
        customers.setTenant(holder.id(), "tenant-1");

        assertThat(customers.setTenant(other.id(), "tenant-1"))
                .isEqualTo(new TenantChange.TenantTaken("tenant-1", holder.id()));
        assertThat(customers.byId(other.id()).orElseThrow().tenantId()).isNull();
        assertThat(customers.setTenant(elsewhere.id(), "tenant-1")).isInstanceOf(TenantChange.Updated.class);
    }

    @Test
    void aTenantClashInsideACallersTransactionLeavesThatTransactionUsable() {
        Customer holder = register("alpha", new AwsIdentity(null, "444455556666", ARN + "1"));
        Customer other = register("alpha", new AwsIdentity(null, "444455556666", ARN + "2"));
        customers.setTenant(holder.id(), "tenant-1");

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(customers.setTenant(other.id(), "tenant-1")).isInstanceOf(TenantChange.TenantTaken.class);
            assertThat(customers.setTenant(other.id(), "tenant-2")).isInstanceOf(TenantChange.Updated.class);
        });

        assertThat(customers.byId(other.id()).orElseThrow().tenantId()).isEqualTo("tenant-2");
    }
}
