package io.marketgate.server.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.LifecycleServerTest;
import io.marketgate.server.customer.AwsIdentity;
import io.marketgate.server.customer.Customers;
import io.marketgate.server.customer.Registration;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.shared.MutableClock;
import io.marketgate.server.subscription.Notification.AgreementEvent;
import io.marketgate.server.subscription.Notification.AgreementEventType;
import io.marketgate.server.subscription.Notification.Sns;
import io.marketgate.server.subscription.Notification.SnsAction;
import io.marketgate.server.subscription.NotificationSink.Outcome;
import io.marketgate.server.webhook.Outbox;
import io.marketgate.server.webhook.OutboxEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The lifecycle through {@link NotificationSink} on a real database, with the server's own wiring. */
@LifecycleServerTest
@RecordApplicationEvents
abstract class LifecycleContract {

    @Autowired
    NotificationSink sink;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    Customers customers;

    @Autowired
    Catalog catalog;

    @Autowired
    LifecycleSweeper sweeper;

    @Autowired
    Outbox outbox;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEvents events;

    @Autowired
    org.springframework.context.ApplicationContext context;

    private MutableClock mutableClock() {
        return (MutableClock) clock;
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers through the customer module, as the registration form does; returns the customer id. */
    private String register(String productId, String customerIdentifier, String account, String license) {
        Registration registration = customers.register(
                catalog.product(productId).orElseThrow(),
                new AwsIdentity(customerIdentifier, account, license),
                Map.of());
        return ((Registration.Registered) registration).customer().id();
    }

    private static Sns sns(String id, Instant at, SnsAction action, String customer, Boolean freeTrial) {
        return new Sns(id, "saas", at, "{}", action, customer, null, freeTrial);
    }

    private static AgreementEvent event(
            String id, Instant at, AgreementEventType type, String agreement, String license) {
        return new AgreementEvent(id, "lic", at, "{}", type, agreement, license, "123456789012", null, null);
    }

    private void deliverWithDuplicates(List<? extends Notification> order, List<? extends Notification> again) {
        order.forEach(n -> assertThat(sink.accept(n)).as(n.messageId()).isEqualTo(Outcome.APPLIED));
        again.forEach(n -> assertThat(sink.accept(n)).as(n.messageId()).isEqualTo(Outcome.DUPLICATE));
    }

    @Test
    void everyOrderOfAnSnsLifecycleWithDuplicatesEndsInTheSameState() {
        Instant t0 = clock.instant();
        List<List<Integer>> orders = LifecycleOrders.permutations(List.of(0, 1, 2, 3));
        for (int i = 0; i < orders.size(); i++) {
            String customer = unique("CID-");
            List<Sns> lifecycle = List.of(
                    sns(unique("m1-"), t0, SnsAction.SUBSCRIBE_SUCCESS, customer, true),
                    sns(unique("m2-"), t0.plusSeconds(60), SnsAction.ENTITLEMENT_UPDATED, customer, null),
                    sns(unique("m3-"), t0.plusSeconds(120), SnsAction.UNSUBSCRIBE_PENDING, customer, null),
                    sns(unique("m4-"), t0.plusSeconds(180), SnsAction.UNSUBSCRIBE_SUCCESS, customer, null));

            deliverWithDuplicates(
                    orders.get(i).stream().map(lifecycle::get).toList(),
                    orders.get((i + 7) % orders.size()).stream()
                            .map(lifecycle::get)
                            .toList());

            assertThat(subscriptions.of("saas", customer))
                    .as("order %s", orders.get(i))
                    .contains(new SubscriptionView(
                            "saas", customer, SubscriptionState.ENDED, t0, t0.plusSeconds(180), true, null, null));
        }
    }

    @Test
    void everyOrderOfAnEventBridgeLifecycleWithDuplicatesEndsInTheSameState() {
        Instant t0 = clock.instant().minusSeconds(700);
        List<List<Integer>> orders = LifecycleOrders.permutations(List.of(0, 1, 2, 3));
        for (int i = 0; i < orders.size(); i++) {
            String agreement = unique("agmt-");
            String license = "arn:aws:license-manager::123456789012:license:" + unique("l-");
            List<AgreementEvent> lifecycle = List.of(
                    event(unique("e1-"), t0, AgreementEventType.PURCHASE_AGREEMENT_CREATED, agreement, null),
                    event(unique("e2-"), t0.plusSeconds(5), AgreementEventType.LICENSE_UPDATED, agreement, license),
                    event(
                            unique("e3-"),
                            t0.plusSeconds(600),
                            AgreementEventType.PURCHASE_AGREEMENT_ENDED,
                            agreement,
                            null),
                    event(
                            unique("e4-"),
                            t0.plusSeconds(660),
                            AgreementEventType.LICENSE_DEPROVISIONED,
                            agreement,
                            license));

            deliverWithDuplicates(
                    orders.get(i).stream().map(lifecycle::get).toList(),
                    orders.get((i + 7) % orders.size()).stream()
                            .map(lifecycle::get)
                            .toList());

            assertThat(subscriptions.of("lic", license))
                    .as("order %s", orders.get(i))
                    .contains(new SubscriptionView(
                            "lic",
                            license,
                            SubscriptionState.DEPROVISIONING,
                            t0.plusSeconds(5),
                            t0.plusSeconds(660 + 3600),
                            false,
                            license,
                            "123456789012"));
        }
    }

    @Test
    void subscribeSuccessBeforeTheFormIsSubmittedIsKeptForTheRegistration() {
        String customer = unique("EARLY-");
        sink.accept(sns(unique("m-"), clock.instant(), SnsAction.SUBSCRIBE_SUCCESS, customer, false));
        assertThat(subscriptions.of("saas", customer).orElseThrow().state()).isEqualTo(SubscriptionState.ACTIVE);

        String customerId = register("saas", customer, "123456789012", null);

        assertThat(subscriptions.ofCustomer(customerId))
                .extracting(SubscriptionView::state)
                .containsExactly(SubscriptionState.ACTIVE);
    }

    @Test
    void aRegistrationBeforeAnyNotificationIsPendingUntilSubscribeSuccess() {
        String customer = unique("LATE-");
        String customerId = register("saas", customer, null, null);
        assertThat(subscriptions.ofCustomer(customerId))
                .extracting(SubscriptionView::state)
                .containsExactly(SubscriptionState.PENDING);

        sink.accept(sns(unique("m-"), clock.instant(), SnsAction.SUBSCRIBE_SUCCESS, customer, null));

        assertThat(subscriptions.ofCustomer(customerId))
                .extracting(SubscriptionView::state)
                .containsExactly(SubscriptionState.ACTIVE);
    }

    @Test
    void aLicenseProductsSnsNotificationWaitsForTheRegistrationThatNamesItsCustomer() {
        String customer = unique("CID-");
        String license = "arn:aws:license-manager::123456789012:license:" + unique("l-");
        var notification =
                new Sns(unique("m-"), "lic", clock.instant(), "{}", SnsAction.SUBSCRIBE_SUCCESS, customer, null, null);
        sink.accept(notification);
        assertThat(subscriptions.of("lic", license)).isEmpty();

        register("lic", customer, "123456789012", license);

        assertThat(subscriptions.of("lic", license).orElseThrow().state()).isEqualTo(SubscriptionState.ACTIVE);
    }

    @Test
    void aStateChangeWritesOneOutboxRowAndOneEventAfterCommit() {
        String customer = unique("CID-");
        String customerId = register("saas", customer, null, null);
        var subscribed = sns(unique("m-"), clock.instant(), SnsAction.SUBSCRIBE_SUCCESS, customer, null);

        sink.accept(subscribed);
        sink.accept(subscribed);

        assertThat(outbox.list(0, customerId, 100))
                .extracting(OutboxEvent::type)
                .containsExactly("customer.registered", "subscription.changed");
        assertThat(events.stream(SubscriptionChanged.class).filter(e -> e.key().equals(customer)))
                .containsExactly(new SubscriptionChanged(
                        "saas",
                        customer,
                        customerId,
                        SubscriptionState.PENDING,
                        SubscriptionState.ACTIVE,
                        clock.instant()));
    }

    @Test
    void deprovisioningEndsOnceItsHourHasPassed() {
        String license = "arn:aws:license-manager::123456789012:license:" + unique("l-");
        String agreement = unique("agmt-");
        sink.accept(event(unique("e-"), clock.instant(), AgreementEventType.LICENSE_UPDATED, agreement, license));
        sink.accept(event(unique("e-"), clock.instant(), AgreementEventType.LICENSE_DEPROVISIONED, agreement, license));

        mutableClock().advance(Duration.ofHours(1));
        sweeper.endDeprovisioned();

        assertThat(subscriptions.of("lic", license).orElseThrow().state()).isEqualTo(SubscriptionState.ENDED);
        assertThat(events.stream(SubscriptionChanged.class).filter(e -> e.key().equals(license)))
                .extracting(SubscriptionChanged::to)
                .containsExactly(SubscriptionState.ACTIVE, SubscriptionState.DEPROVISIONING, SubscriptionState.ENDED);
    }

    @Test
    void anotherInstancesAccessViewSeesAChangeThroughTheAccessVersion() {
        var other = io.marketgate.server.entitlement.AccessViews.another(context, Duration.ZERO);
        String customer = unique("CID-");
        String customerId = register("saas", customer, null, null);
        assertThat(other.check(customerId)).singleElement().satisfies(a -> assertThat(a.allowed())
                .isFalse());

        sink.accept(sns(unique("m-"), clock.instant(), SnsAction.SUBSCRIBE_SUCCESS, customer, null));

        assertThat(other.check(customerId)).singleElement().satisfies(a -> assertThat(a.allowed())
                .isTrue());
        sink.accept(sns(unique("m-"), clock.instant(), SnsAction.UNSUBSCRIBE_SUCCESS, customer, null));
        assertThat(other.check(customer)).singleElement().satisfies(a -> assertThat(a.reason())
                .isEqualTo("subscription_ended"));
    }

    @Test
    void meteringSeesEveryChangeOfACustomerAndItsSubscriptionOnItsNextLookup() {
        var metering = context.getBean(io.marketgate.server.metering.MeteringCustomers.class);
        var transactions = context.getBean(org.springframework.transaction.support.TransactionTemplate.class);
        String customer = unique("CID-");
        String customerId = register("saas", customer, null, null);
        assertThat(found(metering.find(customerId)).subscribed()).isFalse();

        sink.accept(sns(unique("m-"), clock.instant(), SnsAction.SUBSCRIBE_SUCCESS, customer, null));
        assertThat(found(metering.find(customerId)).subscribed()).isTrue();
        assertThat(found(metering.find(customer)).subscribed()).isTrue(); // now cached: still exact below

        String tenant = unique("tenant-");
        transactions.executeWithoutResult(status -> {
            customers.setTenant(customerId, tenant);
            subscriptions.touchCustomer(customerId);
        });
        assertThat(found(metering.find(tenant)).customerId()).isEqualTo(customerId);

        sink.accept(sns(unique("m-"), clock.instant(), SnsAction.UNSUBSCRIBE_PENDING, customer, null));
        sink.accept(sns(unique("m-"), clock.instant().plusSeconds(60), SnsAction.UNSUBSCRIBE_SUCCESS, customer, null));
        var ended = found(metering.find(customerId));
        assertThat(ended.subscribed()).isFalse();
        assertThat(ended.usageUntil()).isNotNull();
        assertThat(metering.find(unique("nobody-")))
                .isInstanceOf(io.marketgate.server.metering.MeteringCustomers.Lookup.NotFound.class);
    }

    private static io.marketgate.server.metering.MeteringCustomer found(
            io.marketgate.server.metering.MeteringCustomers.Lookup lookup) {
        assertThat(lookup).isInstanceOf(io.marketgate.server.metering.MeteringCustomers.Lookup.Found.class);
        return ((io.marketgate.server.metering.MeteringCustomers.Lookup.Found) lookup).customer();
    }
}
