package io.marketgate.server.metering;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Port: the customers and subscription state metering relies on. Implemented over the customer and
 * subscription modules; tests use a fake.
 */
public interface MeteringCustomers {

    /** The one customer (license) named by {@code anyId}: a Marketgate id, tenant id, LicenseArn, ... */
    default Lookup find(String anyId) {
        return findAll(List.of(anyId)).get(anyId);
    }

    /** {@link #find} for each of {@code anyIds} (a usage request's customers), in a few queries; every id is a key. */
    Map<String, Lookup> findAll(Collection<String> anyIds);

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
