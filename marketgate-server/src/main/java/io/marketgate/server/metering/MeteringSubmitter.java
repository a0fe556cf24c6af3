package io.marketgate.server.metering;

import io.marketgate.server.aws.AwsCustomerKey;
import io.marketgate.server.aws.BatchOutcome;
import io.marketgate.server.aws.MeterRecord;
import io.marketgate.server.aws.MeteringSender;
import io.marketgate.server.metering.jdbc.JdbcSubmissions;
import io.marketgate.server.metering.jdbc.JdbcSubmissions.FrozenRecord;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.MeteringLock;
import io.marketgate.server.product.Product;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 4, submit. Guarantee: a claim (one statement) hands ≤ 25 frozen records of one product to this
 * instance for a lease; BatchMeterUsage is called with no transaction open; each answer is written in
 * its own transaction, guarded by the claim. A crash anywhere leaves the records frozen and claimable after
 * the lease, and the resend is identical, which AWS dedupes.
 */
public class MeteringSubmitter {

    private static final Logger LOG = LoggerFactory.getLogger(MeteringSubmitter.class);

    /** BatchMeterUsage takes at most this many records. */
    static final int MAX_RECORDS = 25;

    private final Catalog catalog;
    private final MeteringSender sender;
    private final JdbcSubmissions submissions;
    private final MeteringOutcomes outcomes;
    private final CallBudget budget;
    private final MeteringLock lock;
    private final MeteringSettings properties;
    private final Clock clock;
    private final MeteringMetrics metrics;
    private final Set<String> locked = ConcurrentHashMap.newKeySet();
    // The claim each record in flight was taken under: its writes count only while the claim holds.
    private final Map<Long, String> owners = new ConcurrentHashMap<>();

    public MeteringSubmitter(
            Catalog catalog,
            MeteringSender sender,
            JdbcSubmissions submissions,
            MeteringOutcomes outcomes,
            CallBudget budget,
            MeteringLock lock,
            MeteringSettings properties,
            Clock clock,
            MeteringMetrics metrics) {
        this.catalog = catalog;
        this.sender = sender;
        this.submissions = submissions;
        this.outcomes = outcomes;
        this.budget = budget;
        this.lock = lock;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Sends due records of every product until none is due; returns the number of calls made. */
    public int drain() {
        outcomes.expireOverdue();
        int calls = 0;
        for (Product product : catalog.products()) {
            if (submissions.pausedReason(product.id()).isPresent()) {
                continue;
            }
            List<FrozenRecord> batch;
            while (!(batch = claim(product)).isEmpty()) {
                calls += send(product, batch);
                if (submissions.pausedReason(product.id()).isPresent()) {
                    break;
                }
            }
        }
        return calls;
    }

    private List<FrozenRecord> claim(Product product) {
        Instant now = clock.instant();
        String owner = UUID.randomUUID().toString();
        List<FrozenRecord> claimed =
                submissions.claim(product.id(), owner, now, now.plus(properties.lease()), MAX_RECORDS);
        List<FrozenRecord> batch = new ArrayList<>();
        int bytes = 0;
        for (FrozenRecord record : claimed) {
            if (batch.isEmpty() || bytes + record.payloadBytes() <= properties.batchBytes()) {
                batch.add(record);
                bytes += record.payloadBytes();
            } else {
                submissions.release(record.id(), owner);
            }
        }
        batch.forEach(record -> owners.put(record.id(), owner));
        return batch;
    }

    /** Sends one claimed batch, splitting it where AWS refused the whole call; returns the calls made. */
    private int send(Product product, List<FrozenRecord> claimed) {
        List<FrozenRecord> sendable = new ArrayList<>();
        for (FrozenRecord record : claimed) {
            if (!record.identityMode().equals(product.identityMode().value())) {
                // G9: never key one customer-hour both ways; the product changed mode before its first send.
                park(
                        record,
                        "frozen under identity mode " + record.identityMode() + " but the product now meters in "
                                + product.identityMode().value());
            } else {
                sendable.add(record);
            }
        }
        if (sendable.isEmpty()) {
            return 0;
        }
        if (locked.add(product.id())) {
            lock.lockBeforeMetering(product.id(), clock.instant());
        }
        int calls = 0;
        Deque<List<FrozenRecord>> work = new ArrayDeque<>();
        work.push(sendable);
        while (!work.isEmpty()) {
            List<FrozenRecord> batch = work.pop();
            budget.take(product);
            calls++;
            BatchOutcome outcome;
            try {
                outcome = sender.send(
                        product,
                        batch.stream().map(MeteringSubmitter::meterRecord).toList());
            } catch (RuntimeException e) {
                LOG.warn("BatchMeterUsage for product {} failed unexpectedly; retrying later", product.id(), e);
                outcome = new BatchOutcome.CallFailed(
                        BatchOutcome.Failure.OTHER, e.getClass().getSimpleName(), e.getMessage());
            }
            switch (outcome) {
                case BatchOutcome.Answered answered -> answered(product, batch, answered);
                case BatchOutcome.CallFailed failed -> {
                    metrics.call(failed.failure().name().toLowerCase(java.util.Locale.ROOT));
                    switch (failed.failure()) {
                        case RETRYABLE, OTHER -> retryAll(batch, failed.errorCode() + ": " + failed.message());
                        case BATCH_REJECTED -> {
                            if (batch.size() == 1) {
                                park(batch.get(0), failed.errorCode() + ": " + failed.message());
                            } else {
                                work.push(batch.subList(batch.size() / 2, batch.size()));
                                work.push(batch.subList(0, batch.size() / 2));
                            }
                        }
                        case DISABLED -> {
                            outcomes.pause(product, failed.errorCode() + ": " + failed.message());
                            batch.forEach(this::release);
                            work.forEach(rest -> rest.forEach(this::release));
                            return calls;
                        }
                    }
                }
            }
        }
        return calls;
    }

    private void answered(Product product, List<FrozenRecord> batch, BatchOutcome.Answered answered) {
        metrics.call("answered");
        Map<String, FrozenRecord> byKey = new HashMap<>();
        batch.forEach(record -> byKey.put(key(meterRecord(record), product), record));
        for (BatchOutcome.RecordResult result : answered.results()) {
            FrozenRecord record = byKey.remove(key(result.record(), product));
            if (record == null) {
                LOG.warn("AWS answered for a record not in the batch of product {}: {}", product.id(), result.record());
                continue;
            }
            switch (result.status()) {
                case SUCCESS -> settle(record, "success", result.meteringRecordId(), null);
                case CUSTOMER_NOT_SUBSCRIBED ->
                    settle(
                            record,
                            "customer_not_subscribed",
                            null,
                            "CustomerNotSubscribed: the customer has no active subscription, or the account is suspended");
                case DUPLICATE_RECORD ->
                    settle(
                            record,
                            "duplicate_record",
                            null,
                            "DuplicateRecord: AWS holds another quantity for this customer, dimension and hour; it stands");
                case UNKNOWN -> retry(record, "AWS answered a status this version does not know");
            }
        }
        // Unprocessed records, and any AWS did not mention, are retried: a resend is identical, so AWS dedupes it.
        byKey.values().forEach(record -> retry(record, "UnprocessedRecords"));
    }

    private void settle(FrozenRecord record, String state, String meteringRecordId, String reason) {
        outcomes.settle(record, owner(record), state, meteringRecordId, reason);
        owners.remove(record.id());
    }

    private void park(FrozenRecord record, String reason) {
        settle(record, "parked", null, reason);
    }

    private void retryAll(List<FrozenRecord> batch, String reason) {
        batch.forEach(record -> retry(record, reason));
    }

    private void retry(FrozenRecord record, String reason) {
        submissions.retryLater(record.id(), owner(record), clock.instant().plus(backoff(record)), reason);
        owners.remove(record.id());
    }

    private void release(FrozenRecord record) {
        submissions.release(record.id(), owner(record));
        owners.remove(record.id());
    }

    private String owner(FrozenRecord record) {
        return owners.get(record.id());
    }

    /** Full jitter between half and all of base × 2^attempt, capped. */
    private Duration backoff(FrozenRecord record) {
        long base = properties.retryBase().toMillis();
        long cap = properties.retryMax().toMillis();
        long attempt = Math.min(20, record.attempts());
        long ceiling = Math.min(cap, base << attempt);
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }

    static MeterRecord meterRecord(FrozenRecord record) {
        return new MeterRecord(
                new AwsCustomerKey(record.customerIdentifier(), record.customerAwsAccountId(), record.licenseArn()),
                record.dimension(),
                record.hour(),
                record.quantity(),
                RecordPayload.decode(record.allocations()));
    }

    private static String key(MeterRecord record, Product product) {
        return CustomerKeys.key(product.identityMode(), record.customer()) + "\u0000" + record.dimension() + "\u0000"
                + record.hour().getEpochSecond();
    }
}
