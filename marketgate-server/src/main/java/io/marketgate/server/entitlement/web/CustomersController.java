package io.marketgate.server.entitlement.web;

import io.marketgate.server.customer.Customer;
import io.marketgate.server.customer.Customers;
import io.marketgate.server.customer.TenantChange;
import io.marketgate.server.entitlement.Access;
import io.marketgate.server.entitlement.AccessView;
import io.marketgate.server.entitlement.Entitlements;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.security.RequiresScope;
import io.marketgate.server.security.Scope;
import io.marketgate.server.shared.InvalidInputException;
import io.marketgate.server.shared.MarketgateException;
import io.marketgate.server.subscription.SubscriptionState;
import io.marketgate.server.subscription.SubscriptionView;
import io.marketgate.server.subscription.Subscriptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seller API for customers: list, details with notification and entitlement history, tenant link and
 * the access check. {@code {id}} is any id {@link Customers#lookup} knows; an AWS account id holding several
 * licenses answers {@code {"customers": [...]}}.
 */
@RestController
@RequiresScope(Scope.CUSTOMERS_READ)
class CustomersController {

    private static final int MAX_LIMIT = 500;
    private static final int MAX_TENANT_LENGTH = 255;

    private final Customers customers;
    private final Subscriptions subscriptions;
    private final Entitlements entitlements;
    private final AccessView access;
    private final Catalog catalog;
    private final TransactionTemplate transactions;

    CustomersController(
            Customers customers,
            Subscriptions subscriptions,
            Entitlements entitlements,
            AccessView access,
            Catalog catalog,
            TransactionTemplate transactions) {
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.entitlements = entitlements;
        this.access = access;
        this.catalog = catalog;
        this.transactions = transactions;
    }

    @GetMapping(path = "/v1/customers/{id}/access", produces = "application/json")
    Object access(@PathVariable String id) {
        List<Access> found = access.check(id);
        if (found.isEmpty()) {
            throw MarketgateException.notFound("No customer with id " + id);
        }
        if (found.size() == 1) {
            return CustomerDetails.access(found.get(0));
        }
        return Map.of("customers", CustomerDetails.accesses(found));
    }

    @GetMapping(path = "/v1/customers", produces = "application/json")
    Map<String, Object> list(
            @RequestParam(required = false) String product,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String awsAccountId,
            @RequestParam(required = false) String after,
            @RequestParam(required = false, defaultValue = "100") String limit) {
        int size = limit(limit);
        SubscriptionState wanted = state(state);
        if (product != null && catalog.product(product).isEmpty()) {
            throw InvalidInputException.of("product", "no product " + product + " is configured");
        }
        List<Map<String, Object>> page = new ArrayList<>();
        String cursor = after;
        boolean more = true;
        while (page.size() < size && more) {
            List<Customer> batch = customers.list(product, awsAccountId, cursor, size);
            more = batch.size() == size;
            for (Customer customer : batch) {
                cursor = customer.id();
                SubscriptionView subscription = subscriptionOf(customer);
                if (wanted == null || (subscription != null && subscription.state() == wanted)) {
                    page.add(CustomerDetails.summary(customer, subscription));
                    if (page.size() == size) {
                        break;
                    }
                }
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("customers", page);
        json.put("nextCursor", page.size() == size ? cursor : null);
        return json;
    }

    @GetMapping(path = "/v1/customers/{id}", produces = "application/json")
    Object details(@PathVariable String id) {
        List<Customer> found = customers.lookup(id);
        if (found.isEmpty()) {
            throw MarketgateException.notFound("No customer with id " + id);
        }
        List<Map<String, Object>> details = found.stream().map(this::details).toList();
        return details.size() == 1 ? details.get(0) : Map.of("customers", details);
    }

    /** A write: admin until a narrower write scope exists (docs/lifecycle.md, "Seller API"). */
    @RequiresScope(Scope.ADMIN)
    @PutMapping(path = "/v1/customers/{id}/tenant", consumes = "application/json", produces = "application/json")
    Map<String, Object> tenant(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
        Object tenant = body == null ? null : body.get("tenantId");
        if (!(tenant instanceof String tenantId) || tenantId.isBlank()) {
            throw InvalidInputException.of("tenantId", "required, a non-blank string");
        }
        if (tenantId.length() > MAX_TENANT_LENGTH) {
            throw InvalidInputException.of("tenantId", "longer than " + MAX_TENANT_LENGTH + " characters");
        }
        List<Customer> found = customers.lookup(id);
        if (found.isEmpty()) {
            throw MarketgateException.notFound("No customer with id " + id);
        }
        if (found.size() > 1) {
            throw MarketgateException.conflict(
                    "Id " + id + " names " + found.size() + " customers; use the Marketgate customer id");
        }
        TenantChange change = transactions.execute(status -> {
            TenantChange result = customers.setTenant(found.get(0).id(), tenantId);
            if (result instanceof TenantChange.Updated) {
                subscriptions.touchCustomer(found.get(0).id());
            }
            return result;
        });
        access.invalidate();
        return switch (change) {
            case TenantChange.Updated updated -> details(updated.customer());
            case TenantChange.NotFound notFound -> throw MarketgateException.notFound("No customer with id " + id);
            case TenantChange.TenantTaken taken ->
                throw MarketgateException.conflict(
                        "Tenant id " + taken.tenantId() + " belongs to another customer of this product");
        };
    }

    private Map<String, Object> details(Customer customer) {
        SubscriptionView subscription = subscriptionOf(customer);
        Map<String, Object> json = CustomerDetails.summary(customer, subscription);
        String key = subscription == null ? null : subscription.key();
        json.put(
                "notifications",
                key == null
                        ? List.of()
                        : subscriptions.history(customer.productId(), key).stream()
                                .map(CustomerDetails::notification)
                                .toList());
        json.put(
                "entitlementHistory",
                key == null
                        ? List.of()
                        : entitlements.history(customer.productId(), key).stream()
                                .map(CustomerDetails::snapshot)
                                .toList());
        json.put("access", CustomerDetails.accesses(access.check(customer.id())));
        return json;
    }

    private SubscriptionView subscriptionOf(Customer customer) {
        return subscriptions.ofCustomer(customer.id()).stream().findFirst().orElse(null);
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidInputException.of("limit", "an integer from 1 to " + MAX_LIMIT);
    }

    private static SubscriptionState state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return SubscriptionState.fromValue(value);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(
                    "state", "one of pending, active, failed, unsubscribe_pending, ending, deprovisioning, ended");
        }
    }
}
