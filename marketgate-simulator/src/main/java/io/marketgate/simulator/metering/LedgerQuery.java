package io.marketgate.simulator.metering;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Filters for {@link MeteringLedger#entries}; a null field matches everything.
 *
 * @param customer matches the CustomerIdentifier or the CustomerAWSAccountId
 * @param from first usage hour included
 * @param to first usage hour excluded
 */
public record LedgerQuery(
        String productCode,
        String customer,
        String licenseArn,
        String dimension,
        String region,
        Instant from,
        Instant to) {

    public static final LedgerQuery ALL = new LedgerQuery(null, null, null, null, null, null, null);

    /** From {@code GET /_sim/ledger} parameters: productCode, customer, licenseArn, dimension, region, from, to. */
    public static LedgerQuery fromParameters(Map<String, String> parameters) {
        return new LedgerQuery(
                parameters.get("productCode"),
                parameters.get("customer"),
                parameters.get("licenseArn"),
                parameters.get("dimension"),
                parameters.get("region"),
                instant(parameters.get("from")),
                instant(parameters.get("to")));
    }

    public LedgerQuery withProductCode(String value) {
        return new LedgerQuery(value, customer, licenseArn, dimension, region, from, to);
    }

    public LedgerQuery withCustomer(String value) {
        return new LedgerQuery(productCode, value, licenseArn, dimension, region, from, to);
    }

    public boolean matches(LedgerEntry entry) {
        return (productCode == null || productCode.equals(entry.productCode()))
                && (customer == null
                        || customer.equals(entry.customerIdentifier())
                        || customer.equals(entry.customerAwsAccountId()))
                && (licenseArn == null || licenseArn.equals(entry.licenseArn()))
                && (dimension == null || dimension.equals(entry.dimension()))
                && (region == null || region.equals(entry.region()))
                && (from == null || !entry.hour().isBefore(from))
                && (to == null || entry.hour().isBefore(to));
    }

    private static Instant instant(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "from/to must be ISO-8601 instants such as 2026-03-01T00:00:00Z; got " + Objects.toString(value));
        }
    }
}
