package io.marketgate.simulator.generated;

import static io.marketgate.simulator.generated.BadRequests.MISSING;

import io.marketgate.simulator.generated.BadRequests.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of each endpoint: a valid value, and values that are wrong for it (type, range, presence,
 * size). Values are JSON snippets, or form-encoded for the buyer form.
 */
final class GeneratedFields {

    private static final String LONG_TEXT = "\"" + "x".repeat(200_000) + "\"";
    private static final List<String> NOT_TEXT = List.of("5", "true", "[]", "{}", "1.5", "1e400");
    private static final List<String> NOT_BOOLEAN = List.of("\"yes\"", "1", "[]", "{}", "\"true\"", "0");
    private static final List<String> NOT_ACCOUNT = List.of(
            "\"123\"",
            "\"abcdefghijkl\"",
            "111122223333",
            "\"1111222233334\"",
            "[]",
            "true",
            "\"\"",
            "\"١١١١٢٢٢٢٣٣٣٣\"");
    private static final List<String> NOT_PERCENT =
            List.of("\"x\"", "-1", "101", "[]", "true", "1e400", "-1e400", "99999999999999999999999");
    private static final List<String> NOT_MILLIS = List.of("-5", "\"x\"", "1.5", "99999999999999999999999", "[]");

    private GeneratedFields() {}

    static List<Field> product() {
        return List.of(
                new Field(
                        "code",
                        "\"gen-made\"",
                        List.of(
                                MISSING,
                                "null",
                                "\"\"",
                                "\" \"",
                                "5",
                                "[]",
                                "{}",
                                "\"has space\"",
                                "\"é\"",
                                "\"" + "x".repeat(256) + "\"",
                                LONG_TEXT)),
                new Field("title", "\"T\"", NOT_TEXT),
                new Field("sellerAccountId", "\"111122223333\"", NOT_ACCOUNT),
                new Field("identityMode", "\"license\"", List.of("\"bogus\"", "5", "[]", "{}", "true", "\"\"")),
                new Field("pricingModel", "\"subscription\"", List.of("\"free\"", "3", "[]", "{}", "\"\"")),
                new Field(
                        "dimensions",
                        "[{\"key\": \"users\", \"metered\": true}]",
                        List.of(
                                MISSING,
                                "null",
                                "[]",
                                "{}",
                                "\"users\"",
                                "[1]",
                                "[{}]",
                                "[null]",
                                "[{\"key\": 5}]",
                                "[{\"key\": \"u\", \"metered\": \"yes\"}]",
                                "[{\"key\": \"a\"}, {\"key\": \"a\"}]",
                                "[{\"key\": \"" + "k".repeat(256) + "\"}]",
                                "[{\"key\": \"seats\", \"metered\": false}]",
                                "[{\"key\": \"u\", \"description\": 5}]",
                                "[" + "[".repeat(2000) + "]")),
                new Field(
                        "fulfillmentUrl",
                        "\"http://127.0.0.1/f\"",
                        List.of(
                                "\"ftp://x/y\"",
                                "\"not a url\"",
                                "\"http://\"",
                                "5",
                                "[]",
                                "\"javascript:alert(1)\"",
                                "\"http://[::1\"",
                                "\"/relative\"")),
                new Field("notificationQueue", MISSING, NOT_TEXT),
                new Field("eventQueue", MISSING, NOT_TEXT));
    }

    static List<Field> buyer() {
        return List.of(new Field("accountId", "\"250000000001\"", NOT_ACCOUNT), new Field("name", "\"N\"", NOT_TEXT));
    }

    static List<Field> agreement(String product) {
        return List.of(
                new Field(
                        "productCode", "\"" + product + "\"", List.of(MISSING, "null", "\"\"", "\"nope\"", "5", "[]")),
                new Field("buyerAccountId", "\"250000000002\"", with(NOT_ACCOUNT, MISSING, "null")),
                new Field("offerType", "\"standard\"", List.of("\"gold\"", "1", "[]", "{}")),
                new Field("offerId", MISSING, NOT_TEXT),
                new Field("resellerAccountId", MISSING, NOT_ACCOUNT),
                new Field("entitlements", "[{\"dimension\": \"seats\", \"value\": 5}]", badEntitlements()),
                new Field("autoSucceed", "true", NOT_BOOLEAN));
    }

    static List<Field> entitlementChange() {
        return List.of(new Field(
                "entitlements",
                "[{\"dimension\": \"seats\", \"value\": 5, \"expiration\": \"2027-01-01T00:00:00Z\"}]",
                with(badEntitlements(), MISSING, "null")));
    }

    private static List<String> badEntitlements() {
        return List.of(
                "{}",
                "\"seats\"",
                "5",
                "[1]",
                "[{}]",
                "[null]",
                "[{\"dimension\": \"seats\"}]",
                "[{\"dimension\": \"nope\", \"value\": 1}]",
                "[{\"dimension\": \"users\", \"value\": 1}]",
                "[{\"dimension\": 5, \"value\": 1}]",
                "[{\"dimension\": \"seats\", \"value\": {}}]",
                "[{\"dimension\": \"seats\", \"value\": []}]",
                "[{\"dimension\": \"seats\", \"value\": 99999999999}]",
                "[{\"dimension\": \"seats\", \"value\": 1e400}]",
                "[{\"dimension\": \"seats\", \"value\": -1e400}]",
                "[{\"dimension\": \"seats\", \"value\": 1, \"expiration\": \"tomorrow\"}]",
                "[{\"dimension\": \"seats\", \"value\": 1, \"expiration\": 5}]",
                "[{\"dimension\": \"seats\", \"value\": 1, \"expiration\": \"+1000000000-12-31T23:59:59Z\"}]");
    }

    static List<Field> clock() {
        List<String> notSeconds = List.of(
                "\"ten\"",
                "1.5",
                "1e400",
                "99999999999999999999999",
                "9223372036854775807",
                "-9223372036854775808",
                "true",
                "[]");
        return List.of(
                new Field("advanceSeconds", "0", notSeconds),
                new Field("offsetSeconds", MISSING, with(notSeconds, "0")),
                new Field(
                        "set",
                        MISSING,
                        List.of("\"yesterday\"", "5", "\"2026-13-01T00:00:00Z\"", "\"2026-03-15T10:00:00Z\"")),
                new Field("freeze", MISSING, NOT_BOOLEAN),
                new Field("reset", MISSING, NOT_BOOLEAN));
    }

    static List<Field> demo() {
        return List.of(new Field(
                "fulfillmentBaseUrl",
                MISSING,
                List.of("\"ftp://x/\"", "5", "\"nope\"", "[]", "\"http://\"", "\"http://[::1\"", "{}")));
    }

    static List<Field> role() {
        return List.of(
                new Field(
                        "roleArn",
                        "\"arn:aws:iam::111122223333:role/gen\"",
                        List.of(MISSING, "null", "\"arn:aws:iam::1:role/x\"", "5", "[]", "\"role\"", "{}", LONG_TEXT)),
                new Field("externalId", MISSING, List.of("5", "[]", "{}", "true")));
    }

    static List<Field> faults() {
        return List.of(
                new Field("throttlePercent", "0", NOT_PERCENT),
                new Field("errorPercent", "0", NOT_PERCENT),
                new Field("timeoutPercent", "0", NOT_PERCENT),
                new Field("unprocessedPercent", "0", NOT_PERCENT),
                new Field("timeoutMs", "0", NOT_MILLIS),
                new Field("latencyMs", "0", NOT_MILLIS),
                new Field("timeoutAfterProcessing", "false", NOT_BOOLEAN),
                new Field("disabled", "false", NOT_BOOLEAN));
    }

    static List<Field> notifications() {
        return List.of(
                new Field("duplicates", MISSING, List.of("2", "-1", "\"sometimes\"", "[]", "true", "1e400")),
                new Field("reorderWindow", MISSING, List.of("101", "-1", "\"x\"", "1.5")),
                new Field("delayMs", MISSING, List.of("-1", "\"x\"", "99999999999")),
                new Field("sns", MISSING, NOT_BOOLEAN),
                new Field("eventBridge", MISSING, NOT_BOOLEAN),
                new Field("licenseArnPrefix", MISSING, NOT_BOOLEAN),
                new Field("snsSignatureVersion", MISSING, List.of("\"3\"", "[]", "{}", "3", "null")),
                new Field("deprovisionDelayMs", MISSING, List.of("-1", "\"x\"")),
                new Field("unknownSetting", MISSING, List.of("1")));
    }

    static List<Field> entitlementPaging() {
        return List.of(new Field(
                "emptyPageEvery", "0", List.of(MISSING, "1", "-1", "\"x\"", "1.5", "[]", "99999999999", "null")));
    }

    /** Form-encoded values; offerType and holdPayment accept anything (unknown values mean the default). */
    static List<Field> subscribeForm(String product) {
        return List.of(
                new Field("productCode", product, List.of(MISSING, "", "nope", "%ZZ", "%00")),
                new Field("buyerAccountId", "250000000003", List.of("12", "abc", "1234567890123", "%ZZ", "%E2%80%AE")),
                new Field("resellerAccountId", MISSING, List.of("x", "123", "%ZZ")),
                new Field("contractMonths", "12", List.of("0", "61", "-1", "x", "1.5", "99999999999", "%ZZ", "%00")),
                new Field("quantity.seats", "5", List.of("-1", "x", "1.5", "99999999999", "0", "%ZZ")),
                new Field("offerType", "standard", List.of()),
                new Field("holdPayment", "false", List.of()));
    }

    private static List<String> with(List<String> values, String... more) {
        List<String> all = new ArrayList<>(values);
        all.addAll(List.of(more));
        return all;
    }
}
