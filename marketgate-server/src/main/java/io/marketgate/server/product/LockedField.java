package io.marketgate.server.product;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A product field that is fixed once the product has been metered ({@link
 * ProductRecord#meteringRegionFirstUsedAt()} set), because AWS keys and dedupes the records already sent
 * by it: changing it would bill hours twice or strand the history. Pricing model and dimensions may still
 * change. Declared in the order they are reported.
 */
public enum LockedField {
    METERING_REGION(
            "metering region",
            ProductRecord::meteringRegion,
            "AWS dedupes metering records per region, so the hours already sent could be billed again"),
    IDENTITY_MODE(
            "identity mode",
            product -> product.identityMode().value(),
            "AWS keys records by ProductCode (legacy, account) or by LicenseArn (license), and records keyed"
                    + " both ways for the same customer and hour are billed twice; records already sent are"
                    + " not deduped against records keyed another way"),
    SELLER_ACCOUNT_ID(
            "seller account",
            ProductRecord::sellerAccountId,
            "only the account that published the listing can meter it, and the records already sent belong"
                    + " to that account"),
    PRODUCT_CODE(
            "product code",
            ProductRecord::productCode,
            "the records already sent belong to that listing; another product code is another listing,"
                    + " which needs its own product id");

    private final String label;
    private final Function<ProductRecord, String> value;
    private final String why;

    LockedField(String label, Function<ProductRecord, String> value, String why) {
        this.label = label;
        this.value = value;
        this.why = why;
    }

    /** This field's value in {@code product}, as configured and stored. */
    public String valueIn(ProductRecord product) {
        return value.apply(product);
    }

    /** The locked fields whose values differ between {@code stored} and {@code requested}. */
    public static List<LockedField> changedBetween(ProductRecord stored, ProductRecord requested) {
        return Arrays.stream(values())
                .filter(field -> !field.valueIn(stored).equals(field.valueIn(requested)))
                .toList();
    }

    /** Why this field cannot change from its stored to its requested value, naming both. */
    public String explain(ProductRecord stored, ProductRecord requested) {
        return label + " cannot change from " + valueIn(stored) + " to " + valueIn(requested) + ": " + why;
    }
}
