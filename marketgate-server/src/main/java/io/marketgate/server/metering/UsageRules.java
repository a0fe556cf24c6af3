package io.marketgate.server.metering;

import io.marketgate.server.product.DimensionType;
import io.marketgate.server.product.IdentityMode;
import io.marketgate.server.product.Product;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks one usage event against its customer, product and AWS's rules. Pure: the caller looks the
 * customer up and passes "now" (received time).
 */
final class UsageRules {

    /** AWS takes integers up to this per record, so an hour's bucket may not exceed it either. */
    static final long MAX_QUANTITY = 2_147_483_647L;

    static final int MAX_ID_LENGTH = 255;

    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    sealed interface Checked {
        record Valid(ValidUsage usage) implements Checked {}

        record Refused(UsageOutcome outcome) implements Checked {}
    }

    private final MeteringWindow window;
    private final Duration futureTolerance;

    UsageRules(MeteringWindow window, Duration futureTolerance) {
        this.window = window;
        this.futureTolerance = futureTolerance;
    }

    Checked check(UsageInput input, MeteringCustomers.Lookup lookup, Product product, Instant now) {
        String id = input.id();
        if (input.shapeError() != null) {
            return refused(id, input.shapeError());
        }
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
            return refused(id, "id: required, 1-255 characters (the event's idempotency key)");
        }
        if (input.customer() == null || input.customer().isBlank()) {
            return refused(id, "customer: required");
        }
        MeteringCustomer customer;
        switch (lookup) {
            case MeteringCustomers.Lookup.Found found -> customer = found.customer();
            case MeteringCustomers.Lookup.NotFound notFound -> {
                return refused(id, "customer: unknown customer '" + input.customer() + "'");
            }
            case MeteringCustomers.Lookup.Ambiguous ambiguous -> {
                return refused(
                        id,
                        "customer: '" + input.customer() + "' names " + ambiguous.candidates()
                                + " licenses; send the LicenseArn or the Marketgate customer id");
            }
        }
        if (product == null) {
            return refused(id, "customer: its product is no longer configured");
        }
        if (input.dimension() == null
                || product.dimension(input.dimension())
                        .filter(d -> d.type() == DimensionType.METERED)
                        .isEmpty()) {
            return refused(
                    id, "dimension: '" + input.dimension() + "' is not a metered dimension of product " + product.id());
        }
        String quantityProblem = quantityProblem("quantity", input.quantity());
        if (quantityProblem != null) {
            return refused(id, quantityProblem);
        }
        long quantity = input.quantity().longValueExact();
        Instant eventTime = Timestamps.parse(input.timestamp());
        if (eventTime == null) {
            return refused(id, "timestamp: required, an ISO-8601 instant such as 2026-03-01T10:15:00Z");
        }
        if (eventTime.isAfter(now.plus(futureTolerance))) {
            return refused(id, "timestamp: " + eventTime + " is in the future");
        }
        if (customer.usageFrom() == null && !customer.subscribed()) {
            return refused(id, "customer: '" + input.customer() + "' has not subscribed (no subscribe-success yet)");
        }
        if (customer.usageFrom() != null && eventTime.isBefore(customer.usageFrom())) {
            return refused(
                    id,
                    "timestamp: " + eventTime + " is before the subscription started (" + customer.usageFrom() + ")");
        }
        Map<String, Long> tagged = new TreeMap<>();
        String allocationProblem = allocations(input, quantity, tagged);
        if (allocationProblem != null) {
            return refused(id, allocationProblem);
        }
        IdentityMode mode = product.identityMode();
        String key = CustomerKeys.key(mode, customer.awsKey());
        if (key == null) {
            return refused(
                    id,
                    "customer: has no " + CustomerKeys.field(mode) + ", which product " + product.id() + " ("
                            + mode.value() + " identity) meters by");
        }
        Instant hour = MeteringWindow.hourOf(eventTime);
        String unbillable = null;
        if (!customer.billableAt(eventTime)) {
            unbillable = "after the customer's final usage time " + customer.usageUntil();
        } else if (!window.open(hour, now)) {
            unbillable =
                    "the hour " + hour + " is outside AWS's submission window (deadline " + window.deadline(hour) + ")";
        }
        return new Checked.Valid(new ValidUsage(
                id,
                hash(input, eventTime, tagged),
                customer,
                key,
                mode.value(),
                input.dimension(),
                quantity,
                eventTime,
                hour,
                tagged,
                unbillable));
    }

    private static String allocations(UsageInput input, long quantity, Map<String, Long> tagged) {
        long sum = 0;
        for (int i = 0; i < input.allocations().size(); i++) {
            UsageInput.Allocation allocation = input.allocations().get(i);
            String field = "allocations[" + i + "]";
            String tagProblem = TagSets.problem(allocation.tags());
            if (tagProblem != null) {
                return field + ".tags: " + tagProblem;
            }
            String quantityProblem = quantityProblem(field + ".quantity", allocation.quantity());
            if (quantityProblem != null) {
                return quantityProblem;
            }
            long part = allocation.quantity().longValueExact();
            sum += part;
            tagged.merge(TagSets.canonical(allocation.tags()), part, Long::sum);
        }
        if (sum > quantity) {
            return "allocations: their quantities add up to " + sum + ", more than the event's quantity " + quantity;
        }
        if (tagged.size() >= TagSets.MAX_ALLOCATIONS) {
            return "allocations: at most " + (TagSets.MAX_ALLOCATIONS - 1) + " tag sets per event";
        }
        return null;
    }

    private static String quantityProblem(String field, BigDecimal quantity) {
        if (quantity == null) {
            return field + ": required, a whole number";
        }
        if (quantity.signum() < 0) {
            return field + ": must not be negative";
        }
        if (quantity.stripTrailingZeros().scale() > 0) {
            return field + ": must be a whole number (AWS bills integer quantities)";
        }
        if (quantity.compareTo(BigDecimal.valueOf(MAX_QUANTITY)) > 0) {
            return field + ": at most 2147483647 (AWS's limit per record)";
        }
        return null;
    }

    private static Checked refused(String id, String reason) {
        return new Checked.Refused(UsageOutcome.rejected(id, reason));
    }

    /** Identifies the body for duplicate/conflict: same customer as sent, dimension, quantity, time, tags. */
    static String hash(UsageInput input, Instant eventTime, Map<String, Long> tagged) {
        StringBuilder body = new StringBuilder()
                .append(input.customer())
                .append('\u0000')
                .append(input.dimension())
                .append('\u0000')
                .append(input.quantity().stripTrailingZeros().toPlainString())
                .append('\u0000')
                .append(eventTime.toEpochMilli())
                .append('\u0000')
                .append(eventTime.getNano() % 1_000_000);
        tagged.forEach((tags, quantity) ->
                body.append('\u0000').append(tags).append('\u0001').append(quantity));
        byte[] digest = sha256().digest(body.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    /** A fresh SHA-256 digest, cloned from one instance rather than looked up among the providers each time. */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }
}
