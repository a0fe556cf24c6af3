package io.marketgate.server.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.subscription.Lifecycle.Derived;
import io.marketgate.server.subscription.Lifecycle.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Deriving a subscription from its notifications, whatever order they were delivered in. */
class LifecycleTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String LICENSE = "arn:aws:license-manager::123456789012:license:l-1";

    private static final List<Event> SNS_LIFECYCLE = List.of(
            new Event("m1", LifecycleAction.SUBSCRIBE_SUCCESS, T0, null, null, null, true),
            new Event("m2", LifecycleAction.ENTITLEMENT_UPDATED, T0.plusSeconds(60), null, null, null, null),
            new Event("m3", LifecycleAction.UNSUBSCRIBE_PENDING, T0.plusSeconds(120), null, null, null, null),
            new Event("m4", LifecycleAction.UNSUBSCRIBE_SUCCESS, T0.plusSeconds(180), null, null, null, null));

    private static final List<Event> EVENTBRIDGE_LIFECYCLE = List.of(
            new Event("e1", LifecycleAction.AGREEMENT_CREATED, T0, null, "123456789012", "agmt-1", null),
            new Event(
                    "e2", LifecycleAction.LICENSE_UPDATED, T0.plusSeconds(5), LICENSE, "123456789012", "agmt-1", null),
            new Event("e3", LifecycleAction.AGREEMENT_ENDED, T0.plusSeconds(600), null, "123456789012", "agmt-1", null),
            new Event("e4", LifecycleAction.LICENSE_DEPROVISIONED, T0.plusSeconds(660), LICENSE, null, "agmt-1", null));

    /** What the inbox does: a message id seen before is dropped. */
    private static Derived deliver(List<Event> order, Instant now) {
        Set<String> seen = new HashSet<>();
        List<Event> stored = new ArrayList<>();
        for (Event event : order) {
            if (seen.add(event.messageId())) {
                stored.add(event);
            }
        }
        return Lifecycle.derive(stored, now);
    }

    @Test
    void everySnsDeliveryOrderWithDuplicatesEndsInTheSameState() {
        List<List<Event>> orders = LifecycleOrders.withEachDuplicated(SNS_LIFECYCLE);
        assertThat(orders).hasSize(2520);
        Derived expected = new Derived(SubscriptionState.ENDED, T0, T0.plusSeconds(180), true, null, null, null);

        for (List<Event> order : orders) {
            assertThat(deliver(order, T0.plusSeconds(200))).as(order.toString()).isEqualTo(expected);
        }
    }

    @Test
    void everyEventBridgeDeliveryOrderWithDuplicatesEndsInTheSameState() {
        Instant tenMinutesLater = T0.plusSeconds(1260);
        Derived expected = new Derived(
                SubscriptionState.DEPROVISIONING,
                T0.plusSeconds(5),
                T0.plusSeconds(660 + 3600),
                null,
                LICENSE,
                "123456789012",
                "agmt-1");

        for (List<Event> order : LifecycleOrders.withEachDuplicated(EVENTBRIDGE_LIFECYCLE)) {
            assertThat(deliver(order, tenMinutesLater)).as(order.toString()).isEqualTo(expected);
        }
    }

    @Test
    void deprovisioningEndsWhenItsFinalHourHasPassed() {
        Derived justBefore = Lifecycle.derive(EVENTBRIDGE_LIFECYCLE, T0.plusSeconds(660 + 3599));
        Derived atTheHour = Lifecycle.derive(EVENTBRIDGE_LIFECYCLE, T0.plusSeconds(660 + 3600));

        assertThat(justBefore.state()).isEqualTo(SubscriptionState.DEPROVISIONING);
        assertThat(atTheHour.state()).isEqualTo(SubscriptionState.ENDED);
        assertThat(atTheHour.usageAcceptedUntil()).isEqualTo(T0.plusSeconds(660 + 3600));
    }

    @Test
    void resubscribingBeforeUnsubscribeSuccessReopens() {
        var events = List.of(
                new Event("m1", LifecycleAction.SUBSCRIBE_SUCCESS, T0, null, null, null, false),
                new Event("m2", LifecycleAction.UNSUBSCRIBE_PENDING, T0.plusSeconds(60), null, null, null, null),
                new Event("m3", LifecycleAction.SUBSCRIBE_SUCCESS, T0.plusSeconds(120), null, null, null, false));

        Derived derived = Lifecycle.derive(events, T0.plusSeconds(130));

        assertThat(derived.state()).isEqualTo(SubscriptionState.ACTIVE);
        assertThat(derived.activeSince()).isEqualTo(T0.plusSeconds(120));
        assertThat(derived.usageAcceptedUntil()).isNull();
    }

    @Test
    void unsubscribePendingLeavesOneHourForFinalUsage() {
        Derived derived = Lifecycle.derive(SNS_LIFECYCLE.subList(0, 3), T0.plusSeconds(130));

        assertThat(derived.state()).isEqualTo(SubscriptionState.UNSUBSCRIBE_PENDING);
        assertThat(derived.usageAcceptedUntil()).isEqualTo(T0.plusSeconds(120 + 3600));
    }
}
