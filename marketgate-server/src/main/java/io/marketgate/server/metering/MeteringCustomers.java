package io.marketgate.server.metering;

import java.util.List;

/**
 * Port: the customers and subscription state metering relies on. Implemented over the customer and
 * subscription modules; tests use a fake.
 */
public interface MeteringCustomers {

    /** The one customer (license) named by {@code anyId}: a Marketgate id, tenant id, LicenseArn, ... */
    Lookup find(String anyId);

    /** The customers of a product subscribed now, for the hourly zero records. */
    List<MeteringCustomer> subscribed(String productId);

    /** Result of {@link #find}. */
    sealed interface Lookup {
        record Found(MeteringCustomer customer) implements Lookup {}

        record NotFound() implements Lookup {}

        /** The id names several licenses (e.g. an AWS account with two): the client must be precise. */
        record Ambiguous(int candidates) implements Lookup {}
    }
}
