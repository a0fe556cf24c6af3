package io.marketgate.server.metering;

import io.marketgate.server.aws.MeterRecord;
import io.marketgate.server.metering.jdbc.JdbcMeteringRecords;
import io.marketgate.server.metering.jdbc.JdbcMeteringRecords.OpenRecord;
import io.marketgate.server.metering.jdbc.JdbcMeteringRecords.RecordKey;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.Dimension;
import io.marketgate.server.product.PricingModel;
import io.marketgate.server.product.Product;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Stages 2-3, close and freeze. Guarantee: a record freezes only with the exact usage it held when it was
 * read (the version check), with its allocations folded in; after that nothing changes it, so every send
 * of it is identical. Zero records are created only for hours already closed. Restartable: each freeze
 * and each zero record is one statement.
 */
@Service
public class RecordFreezer {

    /** Closed hours looked back over for zero records (older ones are not worth a late zero). */
    private static final int ZERO_LOOKBACK_HOURS = 2;

    private static final int BATCH = 500;

    private final JdbcMeteringRecords records;
    private final MeteringCustomers customers;
    private final Catalog catalog;
    private final MeteringSettings properties;
    private final MeteringWindow window;
    private final Clock clock;

    public RecordFreezer(
            JdbcMeteringRecords records,
            MeteringCustomers customers,
            Catalog catalog,
            MeteringSettings properties,
            Clock clock) {
        this.records = records;
        this.customers = customers;
        this.catalog = catalog;
        this.properties = properties;
        this.window = properties.window();
        this.clock = clock;
    }

    /** The first hour still open: earlier hours ended at least the grace ago. */
    Instant firstOpenHour(Instant now) {
        return MeteringWindow.hourOf(now.minus(properties.grace()));
    }

    /** Freezes every open record of a closed hour; returns how many. */
    public int freezeClosedHours() {
        Instant now = clock.instant();
        int frozen = 0;
        List<OpenRecord> batch;
        do {
            batch = records.openBefore(firstOpenHour(now), BATCH);
            for (OpenRecord record : batch) {
                frozen += freeze(record, now) ? 1 : 0;
            }
        } while (batch.size() == BATCH);
        return frozen;
    }

    /**
     * Final flush: freezes all of a customer's open records now, the current hour included, so they are
     * sent within the next poll. Later usage for those hours rolls forward or is unbillable.
     */
    public int flush(String customerId) {
        Instant now = clock.instant();
        int frozen = 0;
        for (OpenRecord record : records.openOf(customerId)) {
            frozen += freeze(record, now) ? 1 : 0;
        }
        return frozen;
    }

    private boolean freeze(OpenRecord record, Instant now) {
        List<MeterRecord.Allocation> allocations =
                TagSets.allocations(record.quantity(), records.allocations(record.id()));
        // A record read at one version and changed since stays open; the next round freezes the new version.
        return records.freeze(
                record,
                RecordPayload.encode(allocations),
                RecordPayload.size(record.dimension(), allocations),
                window.deadline(record.hour()),
                now);
    }

    /** Zero records for subscribed customers of subscription products, closed hours only; returns how many. */
    public int zeroRecords() {
        if (!properties.zeroRecords()) {
            return 0;
        }
        Instant now = clock.instant();
        Instant firstOpen = firstOpenHour(now);
        int created = 0;
        for (Product product : catalog.products()) {
            if (product.pricingModel() != PricingModel.SUBSCRIPTION) {
                continue;
            }
            for (MeteringCustomer customer : customers.subscribed(product.id())) {
                created += zeroRecords(product, customer, firstOpen, now);
            }
        }
        return created;
    }

    private int zeroRecords(Product product, MeteringCustomer customer, Instant firstOpen, Instant now) {
        String key = CustomerKeys.key(product.identityMode(), customer.awsKey());
        if (key == null) {
            return 0;
        }
        int created = 0;
        for (int back = ZERO_LOOKBACK_HOURS; back >= 1; back--) {
            Instant hour = firstOpen.minus(Duration.ofHours(back));
            boolean subscribedThen = (customer.usageFrom() == null
                            || !MeteringWindow.hourOf(customer.usageFrom()).isAfter(hour))
                    && customer.billableAt(hour);
            if (!subscribedThen || !window.open(hour, now)) {
                continue;
            }
            for (Dimension dimension : product.meteredDimensions()) {
                RecordKey recordKey = new RecordKey(
                        product.id(),
                        product.identityMode().value(),
                        key,
                        dimension.key(),
                        hour,
                        customer.customerId(),
                        customer.awsKey().customerIdentifier(),
                        customer.awsKey().customerAwsAccountId(),
                        customer.awsKey().licenseArn());
                int bytes = RecordPayload.size(dimension.key(), List.of());
                created += records.insertZero(recordKey, bytes, window.deadline(hour), now) ? 1 : 0;
            }
        }
        return created;
    }
}
