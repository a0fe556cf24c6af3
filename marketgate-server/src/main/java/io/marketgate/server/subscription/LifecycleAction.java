package io.marketgate.server.subscription;

import java.util.Locale;

/**
 * What a notification asks of a subscription: the SNS actions and the EventBridge detail types in one
 * list, the columns of the transition table. Declared in lifecycle order, which breaks ties between
 * notifications sent in the same millisecond.
 */
public enum LifecycleAction {
    AGREEMENT_CREATED,
    AGREEMENT_AMENDED,
    SUBSCRIBE_SUCCESS,
    LICENSE_UPDATED,
    ENTITLEMENT_UPDATED,
    SUBSCRIBE_FAIL,
    UNSUBSCRIBE_PENDING,
    AGREEMENT_ENDED,
    LICENSE_DEPROVISIONED,
    UNSUBSCRIBE_SUCCESS;

    /** The action a notification carries. */
    public static LifecycleAction of(Notification notification) {
        return switch (notification) {
            case Notification.Sns sns ->
                switch (sns.action()) {
                    case SUBSCRIBE_SUCCESS -> SUBSCRIBE_SUCCESS;
                    case SUBSCRIBE_FAIL -> SUBSCRIBE_FAIL;
                    case UNSUBSCRIBE_PENDING -> UNSUBSCRIBE_PENDING;
                    case UNSUBSCRIBE_SUCCESS -> UNSUBSCRIBE_SUCCESS;
                    case ENTITLEMENT_UPDATED -> ENTITLEMENT_UPDATED;
                };
            case Notification.AgreementEvent event ->
                switch (event.type()) {
                    case PURCHASE_AGREEMENT_CREATED -> AGREEMENT_CREATED;
                    case PURCHASE_AGREEMENT_AMENDED -> AGREEMENT_AMENDED;
                    case PURCHASE_AGREEMENT_ENDED -> AGREEMENT_ENDED;
                    case LICENSE_UPDATED -> LICENSE_UPDATED;
                    case LICENSE_DEPROVISIONED -> LICENSE_DEPROVISIONED;
                };
        };
    }

    /** Whether the contract's entitlements may have changed, so they are read again after commit. */
    public boolean refreshesEntitlements() {
        return switch (this) {
            case ENTITLEMENT_UPDATED, LICENSE_UPDATED, AGREEMENT_CREATED, AGREEMENT_AMENDED, SUBSCRIBE_SUCCESS -> true;
            case SUBSCRIBE_FAIL, UNSUBSCRIBE_PENDING, UNSUBSCRIBE_SUCCESS, AGREEMENT_ENDED, LICENSE_DEPROVISIONED ->
                false;
        };
    }

    /** The database spelling, e.g. {@code subscribe_success}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LifecycleAction fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
