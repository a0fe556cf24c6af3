package io.marketgate.simulator.metering;

import java.time.Instant;

/**
 * What AWS deduplicates metering records on, within one region: ProductCode + customer + dimension + hour
 * for ProductCode-keyed records, account + LicenseArn + dimension + hour for LicenseArn-keyed ones. The two
 * families never collide, which is why sending both for one buyer and hour bills twice.
 *
 * @param customer the CustomerIdentifier or CustomerAWSAccountId as sent (ProductCode-keyed), or the account
 *     (LicenseArn-keyed)
 * @param scope the product code (ProductCode-keyed) or the LicenseArn (LicenseArn-keyed)
 */
record DedupeKey(String region, KeyedBy keyedBy, String scope, String customer, String dimension, Instant hour) {

    enum KeyedBy {
        PRODUCT_CODE,
        LICENSE_ARN
    }

    static DedupeKey productCode(String region, String productCode, String customer, String dimension, Instant hour) {
        return new DedupeKey(region, KeyedBy.PRODUCT_CODE, productCode, customer, dimension, hour);
    }

    static DedupeKey licenseArn(String region, String accountId, String licenseArn, String dimension, Instant hour) {
        return new DedupeKey(region, KeyedBy.LICENSE_ARN, licenseArn, accountId, dimension, hour);
    }
}
