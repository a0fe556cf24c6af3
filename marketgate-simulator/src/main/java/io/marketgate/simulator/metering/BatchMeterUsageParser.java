package io.marketgate.simulator.metering;

import io.marketgate.simulator.http.JsonSyntax;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a BatchMeterUsage body and enforces the botocore model's constraints: wrong JSON types are a
 * {@code SerializationException}, lengths, patterns, ranges and list sizes a {@code ValidationException}.
 * Business rules (products, customers, licenses, allocations, tags, time window) come later.
 */
final class BatchMeterUsageParser {

    /** Floats as BigDecimal, so {@code 1795428000.123} keeps its milliseconds and echoes back unchanged. */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    static final int MAX_REQUEST_BYTES = 1024 * 1024;
    static final int MAX_RECORDS = 25;
    static final Pattern PRODUCT_CODE = Pattern.compile("^[-a-zA-Z0-9/=:_.@]*$");
    static final Pattern ACCOUNT_ID = Pattern.compile("^[0-9]+$");
    static final Pattern NON_EMPTY = Pattern.compile("[\\s\\S]+");
    static final Pattern LICENSE_ARN = Pattern.compile("^arn:aws[a-zA-Z-]*:[A-Za-z0-9][A-Za-z0-9_/.-]{0,62}:"
            + "[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,1023}$");
    static final long MAX_QUANTITY = Integer.MAX_VALUE;
    /** The widest timestamp AWS's Java services hold (epoch milliseconds in a long), in seconds. */
    static final BigDecimal MAX_EPOCH_SECONDS = BigDecimal.valueOf(Long.MAX_VALUE / 1000);

    private BatchMeterUsageParser() {}

    static BatchMeterUsageRequest parse(byte[] body) {
        if (body.length >= MAX_REQUEST_BYTES) {
            throw MeteringException.validation(List.of("Request size " + body.length
                    + " bytes failed to satisfy constraint: BatchMeterUsage requests must be less than 1 MB"));
        }
        JsonNode root = readObject(body);
        Violations violations = new Violations();
        String productCode = string(root, "ProductCode", "productCode");
        if (productCode != null) {
            violations.length("productCode", productCode, 0, 255);
            violations.pattern("productCode", productCode, PRODUCT_CODE);
        }
        List<UsageRecordInput> records = records(root.get("UsageRecords"), violations);
        violations.throwIfAny();
        return new BatchMeterUsageRequest(productCode, records);
    }

    static JsonNode readObject(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw MeteringException.serialization("The request body must be a JSON object");
            }
            return root;
        } catch (JacksonException e) {
            throw MeteringException.serialization(JsonSyntax.problem("The request body is not valid JSON", e));
        }
    }

    private static List<UsageRecordInput> records(JsonNode node, Violations violations) {
        if (node == null || node.isNull()) {
            violations.notNull("usageRecords");
            return List.of();
        }
        if (!node.isArray()) {
            throw MeteringException.serialization("usageRecords must be a JSON array");
        }
        violations.listSize("usageRecords", node.size(), MAX_RECORDS);
        List<UsageRecordInput> records = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            records.add(record(i + 1, node.get(i), violations));
        }
        return records;
    }

    private static UsageRecordInput record(int position, JsonNode node, Violations violations) {
        String prefix = "usageRecords." + position + ".member.";
        if (node == null || !node.isObject()) {
            throw MeteringException.serialization(prefix.substring(0, prefix.length() - 1) + " must be a JSON object");
        }
        Instant timestamp = timestamp(node.get("Timestamp"), prefix + "timestamp", violations);
        String dimension = string(node, "Dimension", prefix + "dimension");
        if (dimension == null) {
            violations.notNull(prefix + "dimension");
        } else {
            violations.length(prefix + "dimension", dimension, 1, 255);
        }
        long quantity = integer(node.get("Quantity"), prefix + "quantity", violations);
        String customerIdentifier = string(node, "CustomerIdentifier", prefix + "customerIdentifier");
        if (customerIdentifier != null) {
            violations.length(prefix + "customerIdentifier", customerIdentifier, 0, 255);
        }
        String account = string(node, "CustomerAWSAccountId", prefix + "customerAWSAccountId");
        if (account != null) {
            violations.length(prefix + "customerAWSAccountId", account, 1, 255);
            violations.pattern(prefix + "customerAWSAccountId", account, ACCOUNT_ID);
        }
        String licenseArn = string(node, "LicenseArn", prefix + "licenseArn");
        if (licenseArn != null) {
            violations.pattern(prefix + "licenseArn", licenseArn, LICENSE_ARN);
        }
        List<UsageAllocation> allocations =
                AllocationParser.parse(node.get("UsageAllocations"), prefix + "usageAllocations", violations);
        return new UsageRecordInput(
                position, timestamp, dimension, quantity, customerIdentifier, account, licenseArn, allocations, node);
    }

    /** awsJson timestamps are epoch seconds: integers from the CLI, three decimals from the SDKs. */
    private static Instant timestamp(JsonNode node, String field, Violations violations) {
        if (node == null || node.isNull()) {
            violations.notNull(field);
            return null;
        }
        if (!node.isNumber()) {
            throw MeteringException.serialization(field + " must be a number of epoch seconds");
        }
        BigDecimal seconds = node.decimalValue();
        // A number no timestamp can hold cannot be deserialized, like a string in a number member, so it is
        // AWS's SerializationException (400), not a model ValidationException: the model puts no range on
        // Timestamp. Compared before any conversion, so 1e999999999 is not expanded into a huge integer.
        if (seconds.abs().compareTo(MAX_EPOCH_SECONDS) > 0) {
            throw MeteringException.serialization(field + " must be epoch seconds within +/-" + MAX_EPOCH_SECONDS
                    + " (what epoch milliseconds in a 64-bit integer hold); got " + node);
        }
        BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
        long nanos = seconds.subtract(whole).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }

    /** An optional integer member (0..2147483647); absent means 0, as the model's default. */
    static long integer(JsonNode node, String field, Violations violations) {
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.isIntegralNumber()) {
            throw MeteringException.serialization(field + " must be an integer; got " + node);
        }
        BigInteger value = node.bigIntegerValue();
        long clamped = value.max(BigInteger.valueOf(Long.MIN_VALUE))
                .min(BigInteger.valueOf(Long.MAX_VALUE))
                .longValue();
        violations.range(field, clamped, 0, MAX_QUANTITY);
        return clamped;
    }

    static String string(JsonNode parent, String member, String field) {
        JsonNode node = parent.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw MeteringException.serialization(field + " must be a string; got " + node);
        }
        return node.stringValue();
    }
}
