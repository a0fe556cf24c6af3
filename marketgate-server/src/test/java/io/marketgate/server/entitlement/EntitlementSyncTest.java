package io.marketgate.server.entitlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.EmbeddedSimulators;
import io.marketgate.server.LifecycleServerTest;
import io.marketgate.server.aws.simulator.EmbeddedSimulator;
import io.marketgate.server.shared.MutableClock;
import io.marketgate.server.subscription.Notification.AgreementEvent;
import io.marketgate.server.subscription.Notification.AgreementEventType;
import io.marketgate.server.subscription.NotificationSink;
import io.marketgate.server.webhook.Outbox;
import io.marketgate.server.webhook.OutboxEvent;
import io.marketgate.simulator.state.EntitlementGrant;
import io.marketgate.simulator.state.SimState;
import io.marketgate.simulator.state.SubscribeOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Contract entitlements read through the real SDK from the embedded simulator, stored as snapshots. */
@LifecycleServerTest
class EntitlementSyncTest {

    private static final Instant EXPIRES = Instant.parse("2027-12-01T00:00:00Z");

    @Autowired
    NotificationSink sink;

    @Autowired
    EntitlementSync sync;

    @Autowired
    Entitlements entitlements;

    @Autowired
    Outbox outbox;

    @Autowired
    ApplicationContext context;

    @Autowired
    Clock clock;

    private EmbeddedSimulator simulator;

    @org.junit.jupiter.api.BeforeEach
    void simulator() {
        simulator = EmbeddedSimulators.of(context);
    }

    @AfterEach
    void noEmptyPages() throws Exception {
        control("{\"emptyPageEvery\": 0}");
    }

    private SimState.Subscription subscribe(List<EntitlementGrant> grants) {
        String buyer = String.valueOf(100000000000L + (long) (Math.random() * 800000000000L));
        return simulator
                .simulator()
                .state()
                .subscribe("prod-con", buyer, new SubscribeOptions(null, null, null, grants, true));
    }

    /** What EventBridge would say; the SQS path is the intake's. */
    private String licenseUpdated(SimState.Subscription subscription) {
        String license = subscription.agreement().licenseArn();
        sink.accept(new AgreementEvent(
                UUID.randomUUID().toString(),
                "con",
                clock.instant(),
                "{}",
                AgreementEventType.LICENSE_UPDATED,
                subscription.agreement().id(),
                license,
                subscription.agreement().buyerAccountId(),
                null,
                null));
        return license;
    }

    private void control(String body) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(simulator.endpoint() + "/_sim/entitlements"))
                            .PUT(HttpRequest.BodyPublishers.ofString(body))
                            .header("Content-Type", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isLessThan(300);
        }
    }

    @Test
    void everyPageIsReadEvenEmptyOnesWithANextToken() throws Exception {
        List<EntitlementGrant> grants = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            grants.add(new EntitlementGrant("seats-" + i, i, EXPIRES));
        }
        SimState.Subscription subscription = subscribe(grants);
        control("{\"emptyPageEvery\": 2}");

        String license = licenseUpdated(subscription);
        sync.runDue();

        EntitlementSnapshot snapshot = entitlements.current("con", license).orElseThrow();
        assertThat(snapshot.entitlements()).hasSize(40);
        assertThat(snapshot.entitlements()).contains(new EntitlementItem("seats-39", "integer", 39L, EXPIRES));
    }

    @Test
    void aNewSnapshotOnlyWhenSomethingChangedWithAnOutboxRow() {
        SimState.Subscription subscription = subscribe(List.of(
                new EntitlementGrant("seats", 10, EXPIRES),
                new EntitlementGrant("tier", "gold", null),
                new EntitlementGrant("sso", true, EXPIRES),
                new EntitlementGrant("storage", 2.5, EXPIRES)));
        String license = licenseUpdated(subscription);
        long before = lastSequence();
        sync.runDue();

        licenseUpdated(subscription);
        sync.runDue();
        assertThat(entitlements.history("con", license)).hasSize(1);

        simulator
                .simulator()
                .state()
                .changeEntitlements(subscription.agreement().id(), List.of(new EntitlementGrant("seats", 20, EXPIRES)));
        licenseUpdated(subscription);
        sync.runDue();

        assertThat(entitlements.history("con", license))
                .extracting(EntitlementSnapshot::entitlements)
                .containsExactly(
                        List.of(
                                new EntitlementItem("seats", "integer", 10L, EXPIRES),
                                new EntitlementItem("sso", "boolean", true, EXPIRES),
                                new EntitlementItem("storage", "double", 2.5, EXPIRES),
                                new EntitlementItem("tier", "string", "gold", null)),
                        List.of(new EntitlementItem("seats", "integer", 20L, EXPIRES)));
        assertThat(outbox.list(before, null, 100))
                .extracting(OutboxEvent::type)
                .filteredOn("entitlements.changed"::equals)
                .hasSize(2);
    }

    @Test
    void aPassedExpirationDateTriggersARereadNotARevoke() {
        Instant soon = clock.instant().plus(Duration.ofMinutes(5));
        SimState.Subscription subscription = subscribe(List.of(new EntitlementGrant("seats", 3, soon)));
        String license = licenseUpdated(subscription);
        sync.runDue();
        simulator
                .simulator()
                .state()
                .changeEntitlements(
                        subscription.agreement().id(),
                        List.of(new EntitlementGrant("seats", 3, soon.plus(Duration.ofDays(365)))));

        ((MutableClock) clock).advance(Duration.ofMinutes(6));
        assertThat(entitlements.current("con", license).orElseThrow().entitlements())
                .hasSize(1);
        sync.runDue();

        assertThat(entitlements.current("con", license).orElseThrow().entitlements())
                .containsExactly(new EntitlementItem("seats", "integer", 3L, soon.plus(Duration.ofDays(365))));
    }

    private long lastSequence() {
        List<OutboxEvent> all = outbox.list(0, null, 100000);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).sequence();
    }
}
