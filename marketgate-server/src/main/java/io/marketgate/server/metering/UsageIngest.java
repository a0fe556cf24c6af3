package io.marketgate.server.metering;

import io.marketgate.server.metering.jdbc.JdbcMeteringRecords;
import io.marketgate.server.metering.jdbc.JdbcMeteringRecords.Addition;
import io.marketgate.server.metering.jdbc.JdbcMeteringRecords.Allocation;
import io.marketgate.server.metering.jdbc.JdbcMeteringRecords.RecordKey;
import io.marketgate.server.metering.jdbc.JdbcUsageEvents;
import io.marketgate.server.metering.jdbc.JdbcUsageEvents.EventKey;
import io.marketgate.server.metering.jdbc.JdbcUsageEvents.NewEvent;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.Product;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
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

    /** Tag sets per record: AWS's allocations per record, less one kept for the untagged remainder. */
    static final int MAX_TAG_SETS = TagSets.MAX_ALLOCATIONS - 1;

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
        Map<String, MeteringCustomers.Lookup> lookups = customers.findAll(inputs.stream()
                .map(UsageInput::customer)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        for (int i = 0; i < inputs.size(); i++) {
            UsageInput input = inputs.get(i);
            MeteringCustomers.Lookup lookup =
                    input.customer() == null ? new MeteringCustomers.Lookup.NotFound() : lookups.get(input.customer());
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
        List<Integer> repeated = new ArrayList<>();
        Map<RecordKey, List<Integer>> groups = new LinkedHashMap<>();
        for (int n = 0; n < indexes.size(); n++) {
            int i = indexes.get(n);
            ValidUsage usage = valid.get(i);
            if (!inserted[n]) {
                repeated.add(i);
            } else if (usage.unbillableReason() != null) {
                outcomes[i] = new UsageOutcome(usage.id(), UsageOutcome.Status.UNBILLABLE, usage.unbillableReason());
            } else {
                groups.computeIfAbsent(key(usage, usage.usageHour()), k -> new ArrayList<>())
                        .add(i);
            }
        }
        answerRepeated(repeated, valid, outcomes);
        addGroups(groups, valid, outcomes, now);
    }

    /** Events whose key was stored before: the same body is a duplicate, another body a conflict. */
    private void answerRepeated(List<Integer> repeated, Map<Integer, ValidUsage> valid, UsageOutcome[] outcomes) {
        if (repeated.isEmpty()) {
            return;
        }
        Map<EventKey, String> stored = events.bodyHashes(repeated.stream()
                .map(i -> new EventKey(valid.get(i).usageHour(), valid.get(i).id()))
                .toList());
        for (int i : repeated) {
            ValidUsage usage = valid.get(i);
            boolean same = usage.bodyHash().equals(stored.get(new EventKey(usage.usageHour(), usage.id())));
            outcomes[i] = same
                    ? new UsageOutcome(usage.id(), UsageOutcome.Status.DUPLICATE, null)
                    : new UsageOutcome(
                            usage.id(),
                            UsageOutcome.Status.CONFLICT,
                            "an event with this id and another body was stored first; it stands");
        }
    }

    /**
     * One batch of upserts, one per record the request adds to; a record that refuses (frozen, or it
     * would overflow) gets its events one by one.
     */
    private void addGroups(
            Map<RecordKey, List<Integer>> groups,
            Map<Integer, ValidUsage> valid,
            UsageOutcome[] outcomes,
            Instant now) {
        List<RecordKey> keys = new ArrayList<>();
        List<Addition> additions = new ArrayList<>();
        List<RecordKey> oneByOne = new ArrayList<>();
        groups.forEach((key, members) -> {
            long total =
                    members.stream().mapToLong(i -> valid.get(i).quantity()).sum();
            if (total <= UsageRules.MAX_QUANTITY && tagSetsFit(key, members, valid)) {
                keys.add(key);
                additions.add(new Addition(key, total, 0));
            } else {
                oneByOne.add(key);
            }
        });
        boolean[] applied = records.addUsage(additions);
        List<Allocation> allocations = new ArrayList<>();
        for (int n = 0; n < keys.size(); n++) {
            RecordKey key = keys.get(n);
            if (!applied[n]) {
                oneByOne.add(key);
                continue;
            }
            for (int i : groups.get(key)) {
                ValidUsage usage = valid.get(i);
                usage.tagged().forEach((tagSet, quantity) -> allocations.add(new Allocation(key, tagSet, quantity)));
                outcomes[i] = UsageOutcome.accepted(usage.id());
            }
        }
        records.addAllocations(allocations);
        for (RecordKey key : oneByOne) {
            for (int i : groups.get(key)) {
                outcomes[i] = addOne(key, valid.get(i), now);
            }
        }
    }

    /** Whether the record keeps within AWS's allocations per record with all of these events' tag sets. */
    private boolean tagSetsFit(RecordKey key, List<Integer> members, Map<Integer, ValidUsage> valid) {
        return tagSetsFit(key, members.stream().map(valid::get).toList());
    }

    private boolean tagSetsFit(RecordKey key, List<ValidUsage> usages) {
        Set<String> added = new HashSet<>();
        usages.forEach(usage -> added.addAll(usage.tagged().keySet()));
        if (added.isEmpty()) {
            return true;
        }
        added.addAll(records.tagSets(key));
        return added.size() <= MAX_TAG_SETS;
    }

    private UsageOutcome addOne(RecordKey key, ValidUsage usage, Instant now) {
        if (!tagSetsFit(key, List.of(usage)) && open(key)) {
            events.delete(usage.usageHour(), usage.id());
            return UsageOutcome.rejected(usage.id(), tooManyTagSetsReason(key));
        }
        if (add(key, usage, 0)) {
            return UsageOutcome.accepted(usage.id());
        }
        if (open(key)) {
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
            if (!tagSetsFit(key.atHour(target), List.of(usage)) && open(key.atHour(target))) {
                events.delete(usage.usageHour(), usage.id());
                return UsageOutcome.rejected(usage.id(), tooManyTagSetsReason(key.atHour(target)));
            }
            if (add(key.atHour(target), usage, usage.quantity())) {
                String reason = "the hour " + usage.usageHour() + " was already sent; billed in the hour " + target;
                events.rollForward(usage.usageHour(), usage.id(), target, reason);
                return new UsageOutcome(usage.id(), UsageOutcome.Status.ACCEPTED, reason);
            }
            if (open(key.atHour(target))) {
                events.delete(usage.usageHour(), usage.id());
                return UsageOutcome.rejected(usage.id(), "quantity: the hour " + target + " would exceed 2147483647");
            }
        }
        String reason =
                "the hour " + usage.usageHour() + " was already sent and the customer's final usage was" + " flushed";
        events.markUnbillable(usage.usageHour(), usage.id(), reason);
        return new UsageOutcome(usage.id(), UsageOutcome.Status.UNBILLABLE, reason);
    }

    /** Whether the record of {@code key} still takes usage (a record not created yet will). */
    private boolean open(RecordKey key) {
        return "open".equals(records.state(key).orElse("open"));
    }

    private static String tooManyTagSetsReason(RecordKey key) {
        return "allocations: the hour " + key.hour() + " of this customer and dimension would hold more than "
                + MAX_TAG_SETS + " tag sets (AWS takes " + TagSets.MAX_ALLOCATIONS
                + " allocations per record, one of them the untagged remainder)";
    }

    /** Adds one event's usage, with its allocations, to the open record of {@code key}; false if refused. */
    private boolean add(RecordKey key, ValidUsage usage, long rolledIn) {
        if (!records.addUsage(List.of(new Addition(key, usage.quantity(), rolledIn)))[0]) {
            return false;
        }
        records.addAllocations(usage.tagged().entrySet().stream()
                .map(tagged -> new Allocation(key, tagged.getKey(), tagged.getValue()))
                .toList());
        return true;
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
