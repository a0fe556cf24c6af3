package io.marketgate.server.metering;

import io.marketgate.server.aws.AwsCustomerKey;
import io.marketgate.server.metering.jdbc.JdbcMeteringRecords;
import io.marketgate.server.metering.jdbc.JdbcRateBudget;
import io.marketgate.server.metering.jdbc.JdbcSubmissions;
import io.marketgate.server.metering.jdbc.JdbcUsageEvents;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.MeteringLock;
import io.marketgate.server.product.ProductRecord;
import io.marketgate.server.product.jdbc.JdbcProductCatalog;
import io.marketgate.server.shared.jdbc.TestDatabase;
import io.marketgate.server.shared.jdbc.TimestampColumns;
import io.marketgate.server.webhook.TestOutbox;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A metering process for the crash test: ingests a fixed event stream (again from the start after every
 * restart: what was stored answers duplicate), then freezes and sends until nothing is left, printing its
 * progress so the test can kill it (SIGKILL) at chosen points.
 */
public final class CrashWorkerMain {

    static final int BATCH = 100;
    static final int EVENTS_PER_RECORD = 2;

    private CrashWorkerMain() {}

    /** Args: data folder, simulator endpoint, first usage hour (ISO instant). Customers: folder/customers.txt. */
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        URI simulator = URI.create(args[1]);
        Instant firstHour = Instant.parse(args[2]);
        var product = MeteringHarness.product(
                "app", io.marketgate.server.product.IdentityMode.LICENSE, "requests", "storage");
        Clock clock = Clock.systemUTC();
        TestDatabase database = TestDatabase.sqlite(folder);
        var jdbc = database.jdbcClient();
        TimestampColumns timestamps = TimestampColumns.of(database.dataSource());
        JdbcProductCatalog products = new JdbcProductCatalog(jdbc, timestamps, clock);
        products.upsert(ProductRecord.definition(
                product.id(),
                product.productCode(),
                product.identityMode(),
                product.pricingModel(),
                MeteringHarness.SELLER,
                product.meteringRegion()));
        FakeMeteringCustomers customers = new FakeMeteringCustomers();
        List<MeteringCustomer> all = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("customers.txt"))) {
            String[] f = line.split(",");
            MeteringCustomer customer = new MeteringCustomer(
                    f[0],
                    product.id(),
                    new AwsCustomerKey(null, f[1], f[2]),
                    firstHour.minus(Duration.ofHours(1)),
                    null,
                    true);
            customers.put(customer);
            all.add(customer);
        }
        MeteringSettings settings = new MeteringSettings(
                Duration.ofMinutes(5),
                Duration.ofHours(24),
                Duration.ofHours(6),
                Duration.ofMinutes(10),
                Duration.ofMinutes(1),
                10,
                900_000,
                4,
                Duration.ofSeconds(2),
                Duration.ofMillis(20),
                Duration.ofMillis(200),
                Duration.ofMillis(100),
                false,
                true);
        Catalog catalog = new Catalog(List.of(MeteringHarness.SELLER_ACCOUNT), List.of(product));
        TransactionTemplate transactions =
                new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        MeteringMetrics metrics = new MeteringMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        JdbcMeteringRecords records = new JdbcMeteringRecords(
                jdbc,
                new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(database.dataSource()),
                timestamps);
        JdbcSubmissions submissions = new JdbcSubmissions(jdbc, timestamps, database.dataSource());
        UsageIngest ingest = new UsageIngest(
                customers,
                catalog,
                new JdbcUsageEvents(new JdbcTemplate(database.dataSource()), timestamps),
                records,
                transactions,
                clock,
                settings,
                metrics);
        RecordFreezer freezer = new RecordFreezer(records, customers, catalog, settings, clock);
        MeteringSubmitter submitter = new MeteringSubmitter(
                catalog,
                new SimulatorMeteringSender(simulator),
                submissions,
                new MeteringOutcomes(submissions, TestOutbox.over(database, clock), transactions, clock, metrics),
                new CallBudget(new JdbcRateBudget(jdbc), settings.callsPerSecond()),
                new MeteringLock(products),
                settings,
                clock,
                metrics);

        List<UsageInput> events = events(all, firstHour);
        for (int from = 0; from < events.size(); from += BATCH) {
            ingest.ingest(events.subList(from, Math.min(events.size(), from + BATCH)));
            System.out.println("INGEST " + from / BATCH);
        }
        System.out.println("SUBMIT");
        MeteringWorker worker = new MeteringWorker(
                freezer, Optional.of(submitter), submissions, metrics, clock, settings.pollInterval());
        worker.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (jdbc.sql("SELECT count(*) FROM metering_record WHERE state IN ('open', 'frozen')")
                        .query(Long.class)
                        .single()
                > 0) {
            if (System.nanoTime() > deadline) {
                System.out.println("STUCK");
                System.exit(3);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        System.out.println("DONE");
        System.out.flush();
        System.exit(0);
    }

    /** The same stream on every run: per customer, dimension and hour, EVENTS_PER_RECORD events. */
    static List<UsageInput> events(List<MeteringCustomer> customers, Instant firstHour) {
        List<UsageInput> events = new ArrayList<>();
        int n = 0;
        for (int hour = 0; hour < 2; hour++) {
            for (MeteringCustomer customer : customers) {
                for (String dimension : List.of("requests", "storage")) {
                    for (int e = 0; e < EVENTS_PER_RECORD; e++, n++) {
                        Instant at = firstHour.plus(Duration.ofHours(hour)).plusSeconds(60L * e + 7);
                        events.add(
                                UsageInput.of("ev-" + n, customer.customerId(), dimension, 1 + n % 7, at.toString()));
                    }
                }
            }
        }
        return events;
    }
}
