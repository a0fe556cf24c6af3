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
 * instance for a lease; BatchMeterUsage is called with no transaction open; each call's answers are written
 * in one transaction of their own, guarded by the claim. Several senders (lanes) per instance each repeat
 * claim → call → record, so calls overlap while every one of them waits for the shared budget. A crash
 * anywhere leaves the records frozen and claimable after the lease, and the resend is identical, which AWS
 * dedupes.
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
            calls += drain(product);
        }
        return calls;
    }

    /**
     * Sends the product's due records on up to {@code senders} lanes, each claim → call → record until
     * nothing is due. A lane does what one instance used to do alone, so N lanes are as safe as N instances:
     * claims never overlap, and every call waits for the shared budget. One call's round trip (database
     * writes, network, AWS) then no longer caps the rate: while one lane waits for its answer, another calls.
     * A first claim short of a full batch means nothing else is due, so it is sent without extra lanes.
     */
    private int drain(Product product) {
        if (paused(product)) {
            return 0;
        }
        List<FrozenRecord> first = claim(product);
        if (first.isEmpty()) {
            return 0;
        }
        if (properties.senders() == 1 || first.size() < MAX_RECORDS) {
            return send(product, first) + lane(product);
        }
        return SenderLanes.run(properties.senders(), () -> send(product, first) + lane(product), () -> lane(product));
    }

    /** One sender: claims and sends batches until none is due or the product is paused. */
    private int lane(Product product) {
        int calls = 0;
        List<FrozenRecord> batch;
        while (!paused(product) && !(batch = claim(product)).isEmpty()) {
            calls += send(product, batch);
        }
        return calls;
    }

    private boolean paused(Product product) {
        return submissions.pausedReason(product.id()).isPresent();
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
        lockBeforeFirstSend(product);
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

    /** Locks the product's metering region and identity mode before its first call (once per instance). */
    private void lockBeforeFirstSend(Product product) {
        if (locked.contains(product.id())) {
            return;
        }
        // Lanes wait here, so none sends before the lock is written; a failed lock is tried again.
        synchronized (locked) {
            if (!locked.contains(product.id())) {
                lock.lockBeforeMetering(product.id(), clock.instant());
                locked.add(product.id());
            }
        }
    }

    private void answered(Product product, List<FrozenRecord> batch, BatchOutcome.Answered answered) {
        metrics.call("answered");
        Map<String, FrozenRecord> byKey = new HashMap<>();
        batch.forEach(record -> byKey.put(key(meterRecord(record), product), record));
        List<MeteringOutcomes.Settlement> settled = new ArrayList<>();
        List<FrozenRecord> unknown = new ArrayList<>();
        for (BatchOutcome.RecordResult result : answered.results()) {
            FrozenRecord record = byKey.remove(key(result.record(), product));
            if (record == null) {
                LOG.warn("AWS answered for a record not in the batch of product {}: {}", product.id(), result.record());
                continue;
            }
            switch (result.status()) {
                case SUCCESS -> settled.add(settlement(record, "success", result.meteringRecordId(), null));
                case CUSTOMER_NOT_SUBSCRIBED ->
                    settled.add(
                            settlement(
                                    record,
                                    "customer_not_subscribed",
                                    null,
                                    "CustomerNotSubscribed: the customer has no active subscription, or the account is suspended"));
                case DUPLICATE_RECORD ->
                    settled.add(
                            settlement(
                                    record,
                                    "duplicate_record",
                                    null,
                                    "DuplicateRecord: AWS holds another quantity for this customer, dimension and hour; it stands"));
                case UNKNOWN -> unknown.add(record);
            }
        }
        settle(settled);
        unknown.forEach(record -> retry(record, "AWS answered a status this version does not know"));
        // Unprocessed records, and any AWS did not mention, are retried: a resend is identical, so AWS dedupes it.
        byKey.values().forEach(record -> retry(record, "UnprocessedRecords"));
    }

    private MeteringOutcomes.Settlement settlement(
            FrozenRecord record, String state, String meteringRecordId, String reason) {
        return new MeteringOutcomes.Settlement(record, owner(record), state, meteringRecordId, reason);
    }

    /** Writes the final answers of one call in one transaction (one commit per call, not per record). */
    private void settle(List<MeteringOutcomes.Settlement> settled) {
        outcomes.settle(settled);
        settled.forEach(settlement -> owners.remove(settlement.record().id()));
    }

    private void park(FrozenRecord record, String reason) {
        settle(List.of(settlement(record, "parked", null, reason)));
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
