package io.marketgate.server.customer;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A buyer registered for one product.
 *
 * @param id Marketgate's opaque id, {@code cus_…}; ids sort by registration time
 * @param tenantId the seller's tenant id (unique per product), null until the seller's app sets it
 * @param fields what the buyer entered on the registration form, in form order
 * @param registeredAt when the registration was committed
 */
public record Customer(
        String id,
        String productId,
        AwsIdentity identity,
        String tenantId,
        Map<String, String> fields,
        Instant registeredAt) {

    public Customer {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
