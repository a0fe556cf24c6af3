package io.marketgate.server.subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Derives a subscription from its notifications: sorts them by the time AWS sent them and folds them
 * through {@link Transitions}. The result depends only on the set of notifications (and the clock), never
 * on the order the queue delivered them, and a duplicate never reaches it (the inbox drops it): any
 * delivery order of the same notifications ends in the same state (G1).
 */
final class Lifecycle {

    /** How long usage is still accepted after License Deprovisioned, unsubscribe-pending or Agreement Ended. */
    static final Duration FINAL_USAGE_WINDOW = Duration.ofHours(1);

    /** Sent order; same-millisecond ties broken by lifecycle order, then by message id. */
    static final Comparator<Event> SENT_ORDER =
            Comparator.comparing(Event::sentAt).thenComparing(Event::action).thenComparing(Event::messageId);

    private Lifecycle() {}

    /**
     * One stored notification, as far as the state cares.
     *
     * @param freeTrial the SNS {@code isFreeTrialTermPresent} flag, or null where absent
     */
    record Event(
            String messageId,
            LifecycleAction action,
            Instant sentAt,
            String licenseArn,
            String awsAccountId,
            String agreementId,
            Boolean freeTrial) {}

    /**
     * The derived subscription.
     *
     * @param freeTrial the latest SNS flag, or null where no SNS notification carried one
     */
    record Derived(
            SubscriptionState state,
            Instant activeSince,
            Instant usageAcceptedUntil,
            Boolean freeTrial,
            String licenseArn,
            String awsAccountId,
            String agreementId) {

        static final Derived INITIAL = new Derived(SubscriptionState.PENDING, null, null, null, null, null, null);
    }

    static Derived derive(List<Event> events, Instant now) {
        Derived current = Derived.INITIAL;
        for (Event event : events.stream().sorted(SENT_ORDER).toList()) {
            current = apply(expire(current, event.sentAt()), event);
        }
        return expire(current, now);
    }

    /** A deprovisioning subscription whose final hour has passed by {@code at} has ended. */
    static Derived expire(Derived current, Instant at) {
        if (current.state() == SubscriptionState.DEPROVISIONING && !at.isBefore(current.usageAcceptedUntil())) {
            return new Derived(
                    SubscriptionState.ENDED,
                    current.activeSince(),
                    current.usageAcceptedUntil(),
                    current.freeTrial(),
                    current.licenseArn(),
                    current.awsAccountId(),
                    current.agreementId());
        }
        return current;
    }

    private static Derived apply(Derived current, Event event) {
        SubscriptionState from = current.state();
        SubscriptionState to = Transitions.next(from, event.action());
        Instant activeSince = current.activeSince();
        Instant usageAcceptedUntil = current.usageAcceptedUntil();
        if (to != from || event.action() == LifecycleAction.LICENSE_DEPROVISIONED) {
            switch (to) {
                case ACTIVE -> {
                    activeSince = event.sentAt();
                    usageAcceptedUntil = null;
                }
                case UNSUBSCRIBE_PENDING, ENDING, DEPROVISIONING ->
                    usageAcceptedUntil = event.sentAt().plus(FINAL_USAGE_WINDOW);
                case ENDED -> usageAcceptedUntil = event.sentAt();
                case PENDING, FAILED -> {}
            }
        }
        return new Derived(
                to,
                activeSince,
                usageAcceptedUntil,
                event.freeTrial() != null ? event.freeTrial() : current.freeTrial(),
                event.licenseArn() != null ? event.licenseArn() : current.licenseArn(),
                event.awsAccountId() != null ? event.awsAccountId() : current.awsAccountId(),
                event.agreementId() != null ? event.agreementId() : current.agreementId());
    }
}
