package io.marketgate.server.metering;

import io.marketgate.server.metering.jdbc.JdbcMeteringRecords;
import io.marketgate.server.metering.jdbc.JdbcMeteringRecords.RecordKey;
import io.marketgate.server.metering.jdbc.JdbcUsageEvents;
import io.marketgate.server.metering.jdbc.JdbcUsageEvents.NewEvent;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.Product;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stage 1, ingest. Guarantee: when {@link #ingest} returns, every event answered {@code accepted} or
 * {@code unbillable} is committed, its usage added to its hour's open record (or rolled forward into a later
 * open hour when its own was already frozen); nothing invalid is stored; duplicates change nothing. The
 * unique index on usage events decides duplicates, never a read before the write.
 */
@Service
public class UsageIngest {

    /** Events per request. */
    public static final int MAX_EVENTS = 10_000;

    private final MeteringCustomers customers;
    private final Catalog catalog;
    private final JdbcUsageEvents events;
    private final JdbcMeteringRecords records;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final UsageRules rules;
    private final MeteringMetrics metrics;

    public UsageIngest(
            MeteringCustomers customers,
            Catalog catalog,
            JdbcUsageEvents events,
            JdbcMeteringRecords records,
            TransactionTemplate transactions,
            Clock clock,
            MeteringSettings properties,
            MeteringMetrics metrics) {
        this.customers = customers;
        this.catalog = catalog;
        this.events = events;
        this.records = records;
        this.transactions = transactions;
        this.clock = clock;
        this.rules = new UsageRules(properties.window(), properties.futureTolerance());
        this.metrics = metrics;
    }

    /** Answers each event, in request order. */
    public List<UsageOutcome> ingest(List<UsageInput> inputs) {
        Instant now = clock.instant();
        UsageOutcome[] outcomes = new UsageOutcome[inputs.size()];
        Map<Integer, ValidUsage> valid = new LinkedHashMap<>();
        Map<String, MeteringCustomers.Lookup> lookups = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            UsageInput input = inputs.get(i);
            MeteringCustomers.Lookup lookup = input.customer() == null
                    ? new MeteringCustomers.Lookup.NotFound()
                    : lookups.computeIfAbsent(input.customer(), customers::find);
            Product product = lookup instanceof MeteringCustomers.Lookup.Found found
                    ? catalog.product(found.customer().productId()).orElse(null)
                    : null;
            switch (rules.check(input, lookup, product, now)) {
                case UsageRules.Checked.Valid ok -> valid.put(i, ok.usage());
                case UsageRules.Checked.Refused refused -> outcomes[i] = refused.outcome();
            }
        }
        if (!valid.isEmpty()) {
            transactions.executeWithoutResult(status -> store(valid, outcomes, now));
        }
        List<UsageOutcome> answer = List.of(outcomes);
        metrics.ingested(answer);
        return answer;
    }

    private void store(Map<Integer, ValidUsage> valid, UsageOutcome[] outcomes, Instant now) {
        List<Integer> indexes = new ArrayList<>(valid.keySet());
        List<NewEvent> rows = indexes.stream().map(i -> row(valid.get(i), now)).toList();
        boolean[] inserted = events.insert(rows);
        Map<RecordKey, List<Integer>> groups = new LinkedHashMap<>();
        for (int n = 0; n < indexes.size(); n++) {
            int i = indexes.get(n);
            ValidUsage usage = valid.get(i);
            if (!inserted[n]) {
                boolean same = events.bodyHash(usage.usageHour(), usage.id())
                        .map(usage.bodyHash()::equals)
                        .orElse(false);
                outcomes[i] = same
                        ? new UsageOutcome(usage.id(), UsageOutcome.Status.DUPLICATE, null)
                        : new UsageOutcome(
                                usage.id(),
                                UsageOutcome.Status.CONFLICT,
                                "an event with this id and another body was stored first; it stands");
            } else if (usage.unbillableReason() != null) {
                outcomes[i] = new UsageOutcome(usage.id(), UsageOutcome.Status.UNBILLABLE, usage.unbillableReason());
            } else {
                groups.computeIfAbsent(key(usage, usage.usageHour()), k -> new ArrayList<>())
                        .add(i);
            }
        }
        groups.forEach((key, members) -> addGroup(key, members, valid, outcomes, now));
    }

    /** One upsert for all of a request's usage of one record; event by event only if that is refused. */
    private void addGroup(
            RecordKey key,
            List<Integer> members,
            Map<Integer, ValidUsage> valid,
            UsageOutcome[] outcomes,
            Instant now) {
        long total = members.stream().mapToLong(i -> valid.get(i).quantity()).sum();
        if (total <= UsageRules.MAX_QUANTITY) {
            var recordId = records.addUsage(key, total, 0);
            if (recordId.isPresent()) {
                for (int i : members) {
                    allocate(recordId.get(), valid.get(i));
                    outcomes[i] = UsageOutcome.accepted(valid.get(i).id());
                }
                return;
            }
        }
        for (int i : members) {
            outcomes[i] = addOne(key, valid.get(i), now);
        }
    }

    private UsageOutcome addOne(RecordKey key, ValidUsage usage, Instant now) {
        var recordId = records.addUsage(key, usage.quantity(), 0);
        if (recordId.isPresent()) {
            allocate(recordId.get(), usage);
            return UsageOutcome.accepted(usage.id());
        }
        if ("open".equals(records.state(key).orElse("open"))) {
            events.delete(usage.usageHour(), usage.id());
            return UsageOutcome.rejected(
                    usage.id(),
                    "quantity: the hour " + key.hour() + " of this customer and"
                            + " dimension would exceed 2147483647, AWS's limit per record");
        }
        return rollForward(key, usage, now);
    }

    /**
     * The event's hour was already frozen (sent, or flushed early): its usage counts in the next open hour,
     * no earlier than the current one, unless the customer's usage period is over by then.
     */
    private UsageOutcome rollForward(RecordKey key, ValidUsage usage, Instant now) {
        Instant target = later(MeteringWindow.hourOf(now), usage.usageHour().plus(Duration.ofHours(1)));
        for (int attempt = 0; attempt < 3; attempt++, target = target.plus(Duration.ofHours(1))) {
            if (!usage.customer().billableAt(target)) {
                break;
            }
            var recordId = records.addUsage(key.atHour(target), usage.quantity(), usage.quantity());
            if (recordId.isPresent()) {
                allocate(recordId.get(), usage);
                String reason = "the hour " + usage.usageHour() + " was already sent; billed in the hour " + target;
                events.rollForward(usage.usageHour(), usage.id(), target, reason);
                return new UsageOutcome(usage.id(), UsageOutcome.Status.ACCEPTED, reason);
            }
            if ("open".equals(records.state(key.atHour(target)).orElse("open"))) {
                events.delete(usage.usageHour(), usage.id());
                return UsageOutcome.rejected(usage.id(), "quantity: the hour " + target + " would exceed 2147483647");
            }
        }
        String reason =
                "the hour " + usage.usageHour() + " was already sent and the customer's final usage was" + " flushed";
        events.markUnbillable(usage.usageHour(), usage.id(), reason);
        return new UsageOutcome(usage.id(), UsageOutcome.Status.UNBILLABLE, reason);
    }

    private void allocate(long recordId, ValidUsage usage) {
        usage.tagged().forEach((tagSet, quantity) -> records.addAllocation(recordId, tagSet, quantity));
    }

    private static RecordKey key(ValidUsage usage, Instant hour) {
        MeteringCustomer customer = usage.customer();
        return new RecordKey(
                customer.productId(),
                usage.identityMode(),
                usage.customerKey(),
                usage.dimension(),
                hour,
                customer.customerId(),
                customer.awsKey().customerIdentifier(),
                customer.awsKey().customerAwsAccountId(),
                customer.awsKey().licenseArn());
    }

    private static NewEvent row(ValidUsage usage, Instant now) {
        boolean billable = usage.unbillableReason() == null;
        return new NewEvent(
                usage.usageHour(),
                usage.id(),
                usage.bodyHash(),
                usage.customer().customerId(),
                usage.customer().productId(),
                usage.customerKey(),
                usage.dimension(),
                usage.quantity(),
                usage.eventTime(),
                now,
                billable ? usage.usageHour() : null,
                billable ? "accepted" : "unbillable",
                usage.unbillableReason());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
