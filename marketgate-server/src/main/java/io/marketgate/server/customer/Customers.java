package io.marketgate.server.customer;

import io.marketgate.server.customer.jdbc.JdbcCustomers;
import io.marketgate.server.product.Product;
import io.marketgate.server.shared.jdbc.TimestampColumns;
import io.marketgate.server.webhook.EventTypes;
import io.marketgate.server.webhook.Outbox;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Registered buyers and their link to the seller's tenants. */
@Service
public class Customers {

    /** The outbox event type of a registration. */
    public static final String REGISTERED_EVENT = EventTypes.CUSTOMER_REGISTERED;

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Ids per lookup query: well under every driver's bind-parameter limit. */
    private static final int LOOKUP_CHUNK = 500;

    private final JdbcCustomers table;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    public Customers(
            JdbcCustomers table,
            Outbox outbox,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.table = table;
        this.outbox = outbox;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        // A tenant clash must not poison a caller's PostgreSQL transaction: roll back to a savepoint.
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /**
     * Registers the buyer {@code identity} for {@code product} with the form's {@code fields}, once: a buyer
     * already registered under the key of the product's identity mode is returned unchanged. A new customer,
     * its {@code customer.registered} outbox event and the {@link CustomerRegistered} listeners' writes
     * commit together or not at all.
     *
     * @throws IllegalArgumentException if {@code identity} lacks the key of the product's identity mode
     */
    public Registration register(Product product, AwsIdentity identity, Map<String, String> fields) {
        String key = identity.key(product.identityMode());
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("Product " + product.id() + " identifies customers in "
                    + product.identityMode().value() + " mode, and this identity has no such key");
        }
        Customer candidate =
                new Customer(newId(), product.id(), identity, null, fields, TimestampColumns.truncate(clock.instant()));
        return transaction.execute(status -> {
            if (!table.insertIfAbsent(candidate, key)) {
                Customer existing = table.byKey(product.id(), key)
                        .orElseThrow(() -> new IllegalStateException("Customer of " + product.id()
                                + " neither inserted nor found; was it deleted concurrently?"));
                return new Registration.AlreadyRegistered(existing);
            }
            outbox.append(REGISTERED_EVENT, candidate.id(), eventData(candidate));
            events.publishEvent(new CustomerRegistered(candidate));
            return new Registration.Registered(candidate);
        });
    }

    public Optional<Customer> byId(String id) {
        return table.byId(id);
    }

    /**
     * By Marketgate id, seller tenant id, LicenseArn (with or without "arn:"), legacy customer id or AWS
     * account id; an account id (or a tenant id used by several products) may return several, in id order.
     */
    public List<Customer> lookup(String anyId) {
        return lookupAll(List.of(anyId == null ? "" : anyId)).getOrDefault(anyId, List.of());
    }

    /** {@link #lookup} for many ids at once (a few queries, not one per id); every id is a key of the answer. */
    public Map<String, List<Customer>> lookupAll(Collection<String> anyIds) {
        Map<String, List<Customer>> found = new LinkedHashMap<>();
        List<String> ids = anyIds.stream()
                .filter(id -> id != null && !id.isBlank())
                .distinct()
                .toList();
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK));
            List<String> licenseArns =
                    chunk.stream().map(AwsIdentity::normaliseLicenseArn).toList();
            List<Customer> candidates = table.lookup(chunk, licenseArns);
            for (String id : chunk) {
                String licenseArn = AwsIdentity.normaliseLicenseArn(id);
                found.put(
                        id,
                        candidates.stream()
                                .filter(c -> c.id().equals(id)
                                        || id.equals(c.tenantId())
                                        || licenseArn.equals(c.identity().licenseArn())
                                        || id.equals(c.identity().customerIdentifier())
                                        || id.equals(c.identity().customerAwsAccountId()))
                                .toList());
            }
        }
        anyIds.forEach(id -> found.putIfAbsent(id, List.of()));
        return found;
    }

    /** Paged by id cursor ({@code afterId} exclusive); null filter values mean "any". */
    public List<Customer> list(String productId, String awsAccountId, String afterId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return table.list(productId, awsAccountId, afterId, limit);
    }

    /** The customer of a product with this identity key, if registered. */
    public Optional<Customer> byKey(String productId, String key) {
        return table.byKey(productId, key);
    }

    /** Sets or changes the tenant id (unique per product). */
    public TenantChange setTenant(String customerId, String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("tenantId must not be blank");
        }
        try {
            boolean found = savepoint.execute(status -> table.updateTenant(customerId, tenantId));
            if (!found) {
                return new TenantChange.NotFound(customerId);
            }
        } catch (DataIntegrityViolationException clash) {
            // Only the per-product tenant constraint can fail this update.
            Customer customer = table.byId(customerId).orElseThrow(() -> clash);
            return new TenantChange.TenantTaken(
                    tenantId, table.tenantHolder(customer.productId(), tenantId).orElse(null));
        }
        return new TenantChange.Updated(table.byId(customerId).orElseThrow());
    }

    private String newId() {
        // Time first so ids (the list cursor) sort by registration; 64 random bits make them unguessable.
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return "cus_" + String.format("%012x", clock.millis()) + HexFormat.of().formatHex(random);
    }

    private static Map<String, Object> eventData(Customer customer) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", customer.id());
        data.put("product", customer.productId());
        data.put("customerIdentifier", customer.identity().customerIdentifier());
        data.put("awsAccountId", customer.identity().customerAwsAccountId());
        data.put("licenseArn", customer.identity().licenseArn());
        data.put("tenantId", customer.tenantId());
        data.put("fields", customer.fields());
        data.put("registeredAt", customer.registeredAt().toString());
        return data;
    }
}
