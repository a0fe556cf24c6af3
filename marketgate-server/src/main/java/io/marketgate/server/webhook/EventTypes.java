package io.marketgate.server.webhook;

import java.util.List;

/** The event types a webhook endpoint can subscribe to; {@code *} subscribes to all of them. */
public final class EventTypes {

    public static final String CUSTOMER_REGISTERED = "customer.registered";
    public static final String SUBSCRIPTION_CHANGED = "subscription.changed";
    public static final String ENTITLEMENTS_CHANGED = "entitlements.changed";
    public static final String NOTIFICATION_QUARANTINED = "notification.quarantined";
    public static final String METERING_RECORD_ACCEPTED = "metering.record.accepted";
    public static final String METERING_RECORD_REJECTED = "metering.record.rejected";
    public static final String METERING_RECORD_EXPIRED = "metering.record.expired";
    /** An endpoint was disabled after failing for too long. */
    public static final String WEBHOOK_ENDPOINT_DISABLED = "webhook.endpoint.disabled";
    /** Sent by the "send test event" action only, to the one endpoint it names. */
    public static final String WEBHOOK_TEST = "webhook.test";

    public static final String ALL = "*";

    public static final List<String> SUBSCRIBABLE = List.of(
            CUSTOMER_REGISTERED,
            SUBSCRIPTION_CHANGED,
            ENTITLEMENTS_CHANGED,
            NOTIFICATION_QUARANTINED,
            METERING_RECORD_ACCEPTED,
            METERING_RECORD_REJECTED,
            METERING_RECORD_EXPIRED,
            WEBHOOK_ENDPOINT_DISABLED);

    private EventTypes() {}
}
