package io.marketgate.server.metering;

import io.marketgate.server.aws.AwsCustomerKey;
import io.marketgate.server.aws.MeteringSender;
import io.marketgate.server.metering.jdbc.JdbcMeteringRecords;
import io.marketgate.server.metering.jdbc.JdbcRateBudget;
import io.marketgate.server.metering.jdbc.JdbcReconciliation;
import io.marketgate.server.metering.jdbc.JdbcSubmissions;
import io.marketgate.server.metering.jdbc.JdbcUsageEvents;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.Dimension;
import io.marketgate.server.product.DimensionType;
import io.marketgate.server.product.IdentityMode;
import io.marketgate.server.product.MeteringLock;
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
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.metering.LedgerEntry;
import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.SubscribeOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The metering stages wired by hand over a real database and the embedded simulator, with one clock for
 * both (the simulator's clock runs on the test's {@link MutableClock}), and a fake of the customers port.
 */
final class MeteringHarness implements AutoCloseable {

    static final String SELLER = "111122223333";
    static final Seller SELLER_ACCOUNT = new Seller("seller", SELLER, null, null, "us-east-1");

    final MutableClock clock;
    final Simulator simulator;
    final TestDatabase database;
    final FakeMeteringCustomers customers = new FakeMeteringCustomers();
    final Catalog catalog;
    final MeteringSettings properties;
    final JdbcClient jdbc;
    final UsageIngest ingest;
    final RecordFreezer freezer;
    final MeteringSubmitter submitter;
    final MeteringWorker worker;
    final MeteringPauses pauses;
    final Reconciliation reconciliation;
    final Outbox outbox;
    final MeteringMetrics metrics = new MeteringMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    private final AtomicInteger customerIds = new AtomicInteger();

    MeteringHarness(
            TestDatabase database, Instant start, List<Product> products, UnaryOperator<MeteringSettings> settings) {
        this(
                database,
                start,
                products,
                settings,
                null,
                Simulator.builder().seed(7).port(0));
    }

    MeteringHarness(
            TestDatabase database,
            Instant start,
            List<Product> products,
            UnaryOperator<MeteringSettings> settings,
            UnaryOperator<MeteringSender> wrapSender,
            Simulator.Builder simulatorBuilder) {
        this(database, new MutableClock(start), null, simulatorBuilder, products, settings, wrapSender);
    }

    /** A second instance on the same database and simulator (it closes neither). */
    MeteringHarness secondInstance(UnaryOperator<MeteringSender> wrapSender) {
        return new MeteringHarness(database, clock, simulator, null, catalog.products(), p -> properties, wrapSender);
    }

    private final boolean owner;

    private MeteringHarness(
            TestDatabase database,
            MutableClock clock,
            Simulator shared,
            Simulator.Builder simulatorBuilder,
            List<Product> products,
            UnaryOperator<MeteringSettings> settings,
            UnaryOperator<MeteringSender> wrapSender) {
        this.database = database;
        this.clock = clock;
        this.owner = shared == null;
        this.simulator =
                shared != null ? shared : simulatorBuilder.clock(clock).build().start();
        this.catalog = new Catalog(List.of(SELLER_ACCOUNT), products);
        this.properties = settings.apply(testProperties());
        this.jdbc = database.jdbcClient();
        TimestampColumns timestamps = TimestampColumns.of(database.dataSource());
        JdbcProductCatalog productTable = new JdbcProductCatalog(jdbc, timestamps, clock);
        for (Product product : products) {
            productTable.upsert(ProductRecord.definition(
                    product.id(),
                    product.productCode(),
                    product.identityMode(),
                    product.pricingModel(),
                    SELLER,
                    product.meteringRegion()));
            listInSimulator(product);
        }
        TransactionTemplate transactions =
                new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        JdbcTemplate template = new JdbcTemplate(database.dataSource());
        this.outbox = io.marketgate.server.webhook.TestOutbox.over(database, clock);
        JdbcMeteringRecords records =
                new JdbcMeteringRecords(jdbc, new NamedParameterJdbcTemplate(template), timestamps);
        JdbcSubmissions submissions = new JdbcSubmissions(jdbc, timestamps, database.dataSource());
        this.ingest = new UsageIngest(
                customers,
                catalog,
                new JdbcUsageEvents(template, timestamps),
                records,
                transactions,
                clock,
                properties,
                metrics);
        this.freezer = new RecordFreezer(records, customers, catalog, properties, clock);
        MeteringSender sender = new SimulatorMeteringSender(simulator.endpoint());
        if (wrapSender != null) {
            sender = wrapSender.apply(sender);
        }
        MeteringOutcomes outcomes = new MeteringOutcomes(submissions, outbox, transactions, clock, metrics);
        this.submitter = new MeteringSubmitter(
                catalog,
                sender,
                submissions,
                outcomes,
                new CallBudget(new JdbcRateBudget(jdbc), properties.callsPerSecond()),
                new MeteringLock(productTable),
                properties,
                clock,
                metrics);
        this.worker = new MeteringWorker(
                freezer, Optional.of(submitter), submissions, metrics, clock, properties.pollInterval());
        this.pauses = new MeteringPauses(submissions, true);
        this.reconciliation = new Reconciliation(new JdbcReconciliation(jdbc, timestamps));
    }

    /** Fast retries and a generous budget, so tests spend their time on behaviour. */
    static MeteringSettings testProperties() {
        return new MeteringSettings(
                Duration.ofMinutes(5),
                Duration.ofHours(24),
                Duration.ofHours(6),
                Duration.ofMinutes(10),
                Duration.ofMinutes(1),
                200,
                900_000,
                4,
                Duration.ofMinutes(2),
                Duration.ofMillis(1),
                Duration.ofMillis(50),
                Duration.ofSeconds(1),
                false,
                true);
    }

    static Product product(String id, IdentityMode mode, String... dimensions) {
        return new Product(
                id,
                id + "-code",
                SELLER_ACCOUNT,
                mode,
                PricingModel.SUBSCRIPTION,
                "us-east-1",
                java.util.Arrays.stream(dimensions)
                        .map(d -> new Dimension(d, d, DimensionType.METERED))
                        .toList(),
                Onboarding.AUTOMATIC,
                null);
    }

    static void listIn(Simulator simulator, Product product) {
        simulator
                .state()
                .putProduct(new io.marketgate.simulator.state.Product(
                        product.productCode(),
                        product.id(),
                        SELLER,
                        io.marketgate.simulator.state.IdentityMode.valueOf(
                                product.identityMode().name()),
                        io.marketgate.simulator.state.PricingModel.valueOf(
                                product.pricingModel().name()),
                        product.dimensions().stream()
                                .map(d -> new io.marketgate.simulator.state.Dimension(d.key(), d.unit(), true))
                                .toList(),
                        "http://localhost/fulfillment",
                        "q",
                        "q"));
    }

    /** Lists the product in the simulator with the same dimensions. */
    void listInSimulator(Product product, String... onlyDimensions) {
        List<Dimension> dimensions = onlyDimensions.length == 0
                ? product.dimensions()
                : product.dimensions().stream()
                        .filter(d -> List.of(onlyDimensions).contains(d.key()))
                        .toList();
        simulator
                .state()
                .putProduct(new io.marketgate.simulator.state.Product(
                        product.productCode(),
                        product.id(),
                        SELLER,
                        io.marketgate.simulator.state.IdentityMode.valueOf(
                                product.identityMode().name()),
                        io.marketgate.simulator.state.PricingModel.valueOf(
                                product.pricingModel().name()),
                        dimensions.stream()
                                .map(d -> new io.marketgate.simulator.state.Dimension(d.key(), d.unit(), true))
                                .toList(),
                        "http://localhost/fulfillment",
                        "q",
                        "q"));
    }

    /** A buyer subscribes in the simulator and is known to Marketgate as a customer. */
    Subscribed subscribe(Product product, String buyerAccountId) {
        Agreement agreement = simulator
                .state()
                .subscribe(product.productCode(), buyerAccountId, SubscribeOptions.standard())
                .agreement();
        String legacyId = simulator.state().buyer(buyerAccountId).customerIdentifier();
        MeteringCustomer customer = new MeteringCustomer(
                "cus_" + customerIds.incrementAndGet(),
                product.id(),
                new AwsCustomerKey(legacyId, buyerAccountId, agreement.licenseArn()),
                agreement.createdAt().truncatedTo(java.time.temporal.ChronoUnit.HOURS),
                null,
                true);
        customers.put(customer);
        return new Subscribed(customer, agreement);
    }

    record Subscribed(MeteringCustomer customer, Agreement agreement) {}

    /** Runs rounds (moving the clock a second each, so retries come due) until nothing is left to send. */
    void drain() {
        for (int round = 0; round < 500; round++) {
            worker.runOnce();
            long pending = jdbc.sql("SELECT count(*) FROM metering_record WHERE state = 'frozen'")
                    .query(Long.class)
                    .single();
            if (pending == 0) {
                return;
            }
            clock.advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("records still pending after 500 rounds");
    }

    List<LedgerEntry> ledger() {
        return simulator.ledger().entries();
    }

    long billed() {
        return ledger().stream().mapToLong(LedgerEntry::quantity).sum();
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Override
    public void close() {
        if (owner) {
            simulator.close();
            database.close();
        }
    }
}
