package io.marketgate.server.metering;

import io.marketgate.server.metering.jdbc.JdbcSubmissions;
import io.marketgate.server.metering.jdbc.JdbcSubmissions.FrozenRecord;
import io.marketgate.server.product.Product;
import io.marketgate.server.webhook.Outbox;
import java.time.Clock;
import java.util.ArrayList;
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

    /** AWS's final answer for a claimed record: success, customer_not_subscribed, duplicate_record or parked. */
    record Settlement(FrozenRecord record, String owner, String state, String meteringRecordId, String reason) {}

    /**
     * Writes the final answers of one call, with their outbox events, in one transaction. A record whose
     * claim was lost (another instance took it over after the lease) is left to that instance.
     */
    void settle(List<Settlement> settlements) {
        if (settlements.isEmpty()) {
            return;
        }
        List<Settlement> settled = transactions.execute(status -> {
            List<Settlement> written = new ArrayList<>();
            for (Settlement s : settlements) {
                FrozenRecord record = s.record();
                if (submissions.settle(
                        record.id(), s.owner(), s.state(), s.meteringRecordId(), s.reason(), clock.instant())) {
                    outbox.append(
                            "success".equals(s.state()) ? "metering.record.accepted" : "metering.record.rejected",
                            record.customerId(),
                            data(record, s.state(), s.meteringRecordId(), s.reason()));
                    written.add(s);
                }
            }
            return written;
        });
        for (Settlement s : settled) {
            metrics.recordSettled(s.state());
            if (!"success".equals(s.state())) {
                LOG.warn(
                        "Metering record {} of customer {} ({} {} at {}): {}",
                        s.record().id(),
                        s.record().customerId(),
                        s.record().quantity(),
                        s.record().dimension(),
                        s.record().hour(),
                        s.reason());
            }
        }
    }

    /** DisabledApiException: nothing more is sent for the product until an operator lifts the pause. */
    void pause(Product product, String reason) {
        if (submissions.pause(product.id(), reason, clock.instant())) {
            metrics.call("paused");
            LOG.error(
                    "Metering of product {} is PAUSED: {}. Enable BatchMeterUsage for the seller account in region"
                            + " {}, then lift the pause: DELETE /v1/metering/pauses/{} with an admin key.",
                    product.id(),
                    reason,
                    product.meteringRegion(),
                    product.id());
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
