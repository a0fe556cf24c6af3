package io.marketgate.server.metering;

import io.marketgate.server.metering.jdbc.JdbcSubmissions;
import io.marketgate.server.metering.jdbc.JdbcSubmissions.FrozenRecord;
import io.marketgate.server.product.Product;
import io.marketgate.server.webhook.Outbox;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stage 5, settle: writes what became of a record, with its outbox event ({@code metering.record.accepted},
 * {@code .rejected}, {@code .expired}) in the same transaction, so the seller hears of every outcome once.
 */
@Component
public class MeteringOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(MeteringOutcomes.class);

    private final JdbcSubmissions submissions;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeteringMetrics metrics;

    public MeteringOutcomes(
            JdbcSubmissions submissions,
            Outbox outbox,
            TransactionTemplate transactions,
            Clock clock,
            MeteringMetrics metrics) {
        this.submissions = submissions;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** AWS's final answer for a record: success, customer_not_subscribed, duplicate_record or parked. */
    void settle(FrozenRecord record, String owner, String state, String meteringRecordId, String reason) {
        boolean settled = Boolean.TRUE.equals(transactions.execute(status -> {
            if (!submissions.settle(record.id(), owner, state, meteringRecordId, reason, clock.instant())) {
                return false;
            }
            outbox.append(
                    "success".equals(state) ? "metering.record.accepted" : "metering.record.rejected",
                    record.customerId(),
                    data(record, state, meteringRecordId, reason));
            return true;
        }));
        if (settled) {
            metrics.recordSettled(state);
            if (!"success".equals(state)) {
                LOG.warn(
                        "Metering record {} of customer {} ({} {} at {}): {}",
                        record.id(),
                        record.customerId(),
                        record.quantity(),
                        record.dimension(),
                        record.hour(),
                        reason);
            }
        }
    }

    /** Invalid* or TimestampOutOfBounds isolated to this record: never sent again, visible with the reason. */
    void park(FrozenRecord record, String owner, String reason) {
        settle(record, owner, "parked", null, reason);
    }

    /** DisabledApiException: nothing more is sent for the product until an operator lifts the pause. */
    void pause(Product product, String reason) {
        if (submissions.pause(product.id(), reason, clock.instant())) {
            metrics.call("paused");
            LOG.error(
                    "Metering of product {} is PAUSED: {}. Enable BatchMeterUsage for the seller account in region"
                            + " {}, then delete its row from metering_pause.",
                    product.id(),
                    reason,
                    product.meteringRegion());
        }
    }

    /** Marks records that missed their deadline expired (or unknown, if a call may have carried them). */
    int expireOverdue() {
        List<FrozenRecord> expired = transactions.execute(status -> {
            List<FrozenRecord> records = submissions.expireOverdue(clock.instant(), 500);
            records.forEach(record -> outbox.append(
                    "metering.record.expired",
                    record.customerId(),
                    data(record, record.state(), null, "not sent before its deadline " + record.deadline())));
            return records;
        });
        for (FrozenRecord record : expired) {
            metrics.recordSettled(record.state());
            LOG.error(
                    "Metering record {} of customer {} ({} {} at {}) is {}: its deadline {} passed",
                    record.id(),
                    record.customerId(),
                    record.quantity(),
                    record.dimension(),
                    record.hour(),
                    record.state(),
                    record.deadline());
        }
        return expired.size();
    }

    private static Map<String, Object> data(FrozenRecord record, String state, String meteringRecordId, String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("recordId", record.id());
        data.put("productId", record.productId());
        data.put("dimension", record.dimension());
        data.put("hour", record.hour().toString());
        data.put("quantity", record.quantity());
        data.put("state", state);
        if (meteringRecordId != null) {
            data.put("meteringRecordId", meteringRecordId);
        }
        if (reason != null) {
            data.put("reason", reason);
        }
        return data;
    }
}
