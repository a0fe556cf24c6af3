package io.marketgate.server.subscription;

import static io.marketgate.server.subscription.SubscriptionState.ACTIVE;
import static io.marketgate.server.subscription.SubscriptionState.DEPROVISIONING;
import static io.marketgate.server.subscription.SubscriptionState.ENDED;
import static io.marketgate.server.subscription.SubscriptionState.ENDING;
import static io.marketgate.server.subscription.SubscriptionState.FAILED;
import static io.marketgate.server.subscription.SubscriptionState.PENDING;
import static io.marketgate.server.subscription.SubscriptionState.UNSUBSCRIBE_PENDING;

/**
 * The subscription state machine: the one place that says which state an action leads to. Notifications
 * are applied in the order AWS sent them (see {@link Lifecycle}), so a row here means "this happened
 * after that", whatever order the queue delivered them in. The doc page docs/lifecycle.md shows it as a
 * table; TransitionsTest checks every (state, action) pair.
 */
final class Transitions {

    private Transitions() {}

    static SubscriptionState next(SubscriptionState state, LifecycleAction action) {
        return switch (action) {
            // A later subscribe-success always (re)opens: after a failed payment, a cancellation, or a
            // re-subscription before unsubscribe-success (AWS then sends no unsubscribe-success).
            case SUBSCRIBE_SUCCESS, LICENSE_UPDATED -> ACTIVE;
            // A failed payment only matters before the buyer ever subscribed; it cancels nothing.
            case SUBSCRIBE_FAIL -> state == PENDING ? FAILED : state;
            case UNSUBSCRIBE_PENDING ->
                switch (state) {
                    case PENDING, ACTIVE -> UNSUBSCRIBE_PENDING;
                    case FAILED, UNSUBSCRIBE_PENDING, ENDING, DEPROVISIONING, ENDED -> state;
                };
            case UNSUBSCRIBE_SUCCESS -> ENDED;
            // Ended agreement: final usage flush. Never undoes a deprovisioning or an end already seen.
            case AGREEMENT_ENDED ->
                switch (state) {
                    case PENDING, ACTIVE, UNSUBSCRIBE_PENDING -> ENDING;
                    case FAILED, ENDING, DEPROVISIONING, ENDED -> state;
                };
            case LICENSE_DEPROVISIONED ->
                switch (state) {
                    case PENDING, ACTIVE, UNSUBSCRIBE_PENDING, ENDING, DEPROVISIONING -> DEPROVISIONING;
                    case FAILED, ENDED -> state;
                };
            // Entitlements and agreement details are read again; the subscription state does not move.
            case ENTITLEMENT_UPDATED, AGREEMENT_CREATED, AGREEMENT_AMENDED -> state;
        };
    }
}
