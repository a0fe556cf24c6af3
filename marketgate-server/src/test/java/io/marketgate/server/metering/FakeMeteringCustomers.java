package io.marketgate.server.metering;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Customers kept in memory, found by their Marketgate id or any of their AWS ids. */
final class FakeMeteringCustomers implements MeteringCustomers {

    private final Map<String, MeteringCustomer> byId = new ConcurrentHashMap<>();

    void put(MeteringCustomer customer) {
        byId.put(customer.customerId(), customer);
    }

    @Override
    public Map<String, Lookup> findAll(Collection<String> anyIds) {
        Map<String, Lookup> found = new HashMap<>();
        anyIds.forEach(anyId -> found.put(anyId, lookup(anyId)));
        return found;
    }

    private Lookup lookup(String anyId) {
        List<MeteringCustomer> found = new ArrayList<>();
        for (MeteringCustomer customer : byId.values()) {
            if (anyId.equals(customer.customerId())
                    || anyId.equals(customer.awsKey().licenseArn())
                    || anyId.equals(customer.awsKey().customerIdentifier())
                    || anyId.equals(customer.awsKey().customerAwsAccountId())) {
                found.add(customer);
            }
        }
        return switch (found.size()) {
            case 0 -> new Lookup.NotFound();
            case 1 -> new Lookup.Found(found.get(0));
            default -> new Lookup.Ambiguous(found.size());
        };
    }

    @Override
    public List<MeteringCustomer> subscribed(String productId) {
        return byId.values().stream()
                .filter(c -> c.productId().equals(productId) && c.subscribed())
                .toList();
    }
}
