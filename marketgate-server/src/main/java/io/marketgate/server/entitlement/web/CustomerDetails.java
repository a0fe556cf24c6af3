package io.marketgate.server.entitlement.web;

import io.marketgate.server.customer.Customer;
import io.marketgate.server.entitlement.Access;
import io.marketgate.server.entitlement.EntitlementSnapshot;
import io.marketgate.server.subscription.SubscriptionView;
import io.marketgate.server.subscription.Subscriptions.NotificationRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the customer endpoints. */
final class CustomerDetails {

    private CustomerDetails() {}

    static Map<String, Object> summary(Customer customer, SubscriptionView subscription) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", customer.id());
        json.put("productId", customer.productId());
        json.put("tenantId", customer.tenantId());
        json.put("customerIdentifier", customer.identity().customerIdentifier());
        json.put("awsAccountId", customer.identity().customerAwsAccountId());
        json.put("licenseArn", customer.identity().licenseArn());
        json.put("registeredAt", customer.registeredAt().toString());
        json.put("fields", customer.fields());
        json.put("subscription", subscription == null ? null : subscription(subscription));
        return json;
    }

    static Map<String, Object> subscription(SubscriptionView view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("state", view.state().value());
        json.put("activeSince", text(view.activeSince()));
        json.put("usageAcceptedUntil", text(view.usageAcceptedUntil()));
        json.put("freeTrial", view.freeTrial());
        json.put("licenseArn", view.licenseArn());
        json.put("awsAccountId", view.awsAccountId());
        return json;
    }

    static Map<String, Object> notification(NotificationRecord n) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("messageId", n.messageId());
        json.put("source", n.source());
        json.put("action", n.action());
        json.put("sentAt", text(n.sentAt()));
        json.put("receivedAt", text(n.receivedAt()));
        return json;
    }

    static Map<String, Object> snapshot(EntitlementSnapshot snapshot) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("takenAt", text(snapshot.takenAt()));
        json.put("entitlements", snapshot.entitlements());
        return json;
    }

    static Map<String, Object> access(Access access) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("customerId", access.customerId());
        json.put("productId", access.productId());
        json.put("allowed", access.allowed());
        json.put("reason", access.reason());
        json.put("state", access.state() == null ? null : access.state().value());
        json.put("entitlements", access.entitlements());
        return json;
    }

    static List<Map<String, Object>> accesses(List<Access> accesses) {
        return accesses.stream().map(CustomerDetails::access).toList();
    }

    private static String text(java.time.Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
