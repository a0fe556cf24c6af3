package io.marketgate.server.metering;

import io.marketgate.server.aws.AwsCustomerKey;
import java.time.Instant;

/**
 * What metering needs to know about one customer (one license) of one product.
 *
 * @param customerId Marketgate's customer id ({@code cus_…}), named in outbox events
 * @param awsKey how AWS knows the buyer; the product's identity mode picks the field that keys records
 * @param usageFrom usage before this instant is refused (before the subscription), or null if unknown
 * @param usageUntil usage at or after this instant is not billable (final flush passed), or null while open
 * @param subscribed whether the customer is subscribed now (zero records are sent only for them)
 */
public record MeteringCustomer(
        String customerId,
        String productId,
        AwsCustomerKey awsKey,
        Instant usageFrom,
        Instant usageUntil,
        boolean subscribed) {

    /** Whether usage at {@code eventTime} is inside the customer's billable period (ignoring AWS's window). */
    public boolean billableAt(Instant eventTime) {
        return usageUntil == null || eventTime.isBefore(usageUntil);
    }
}
