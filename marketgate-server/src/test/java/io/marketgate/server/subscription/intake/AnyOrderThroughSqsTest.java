package io.marketgate.server.subscription.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marketgate.server.subscription.LifecycleOrders;
import io.marketgate.server.subscription.SubscriptionState;
import io.marketgate.server.subscription.SubscriptionView;
import io.marketgate.server.subscription.Subscriptions;
import io.marketgate.simulator.eventbridge.AgreementEvent;
import io.marketgate.simulator.eventbridge.AgreementEvents;
import io.marketgate.simulator.sns.MarketplaceTopics;
import io.marketgate.simulator.sns.SnsEnvelopes;
import io.marketgate.simulator.sns.SnsNotification;
import io.marketgate.simulator.sns.SnsSignatureVersion;
import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.Dimension;
import io.marketgate.simulator.state.IdentityMode;
import io.marketgate.simulator.state.LifecycleEvent;
import io.marketgate.simulator.state.PricingModel;
import io.marketgate.simulator.state.Product;
import io.marketgate.simulator.state.SimState;
import io.marketgate.simulator.state.SubscribeOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * G1 through the real path: every order of one four-message lifecycle, each message delivered twice, put on
 * a real SQS queue (the simulator's ElasticMQ) as signed SNS envelopes (a {@code legacy} contract product)
 * and as EventBridge events (a {@code license} product), consumed by the server's own queue consumers,
 * ends in the same state. Each order belongs to its own buyer, so all 24 orders run at once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "marketgate.sellers.acme.account-id=" + SimulatedNotifications.SELLER_ACCOUNT,
            "marketgate.products.legacy.product-code=" + AnyOrderThroughSqsTest.LEGACY_CODE,
            "marketgate.products.legacy.identity-mode=legacy",
            "marketgate.products.legacy.pricing-model=contract",
            "marketgate.products.legacy.dimensions[0].key=seats",
            "marketgate.products.legacy.dimensions[0].type=entitlement",
            "marketgate.products.license.product-code=" + AnyOrderThroughSqsTest.LICENSE_CODE,
            "marketgate.products.license.identity-mode=license",
            "marketgate.products.license.pricing-model=subscription",
            "marketgate.products.license.dimensions[0].key=requests",
            "marketgate.aws.simulator-credentials=true"
        })
@DirtiesContext
class AnyOrderThroughSqsTest {

    static final String LEGACY_CODE = "anyorderlegacy";
    static final String LICENSE_CODE = "anyorderlicense";
    private static final String SIMULATOR_OWN_QUEUE = "anyorder-simulator-own";
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    private static final SimulatedNotifications SIM = new SimulatedNotifications(8);
    private static final Product LEGACY = simulatorProduct(LEGACY_CODE, IdentityMode.LEGACY, PricingModel.CONTRACT);
    private static final Product LICENSE =
            simulatorProduct(LICENSE_CODE, IdentityMode.LICENSE, PricingModel.SUBSCRIPTION);

    @DynamicPropertySource
    static void standaloneSimulator(DynamicPropertyRegistry registry) {
        registry.add(
                "marketgate.aws.endpoint-override",
                () -> SIM.simulator().endpoint().toString());
        registry.add(
                "marketgate.aws.sqs-endpoint-override",
                () -> SIM.simulator().sqsEndpoint().toString());
        registry.add("marketgate.notifications.sns.trusted-certificate-url", () -> SIM.certificateUrl()
                .toString());
        registry.add("marketgate.products.legacy.sqs.queue-url", () -> SIM.queueUrl("anyorder-legacy"));
        registry.add("marketgate.products.license.sqs.queue-url", () -> SIM.queueUrl("anyorder-license"));
    }

    /** Closes the simulator with the context, after the consumers stopped polling it. */
    @TestConfiguration
    static class SimulatorShutdown {
        @Bean(destroyMethod = "close")
        SimulatedNotifications anyOrderSimulator() {
            return SIM;
        }
    }

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry registry;

    /** One buyer's four messages in lifecycle order, and the state any delivery order must end in. */
    private record Lifecycle(
            String productId, String queue, List<String> bodies, List<String> ids, SubscriptionView end) {}

    @Test
    void everyOrderOfAFourMessageLifecycleWithEachMessageTwiceEndsInTheSameStateThroughTheQueue() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));
        List<List<Integer>> orders = LifecycleOrders.permutations(List.of(0, 1, 2, 3));
        assertThat(orders).hasSize(24).contains(List.of(3, 2, 1, 0));
        Random random = new Random(8);
        List<Lifecycle> lifecycles = new ArrayList<>();

        for (int n = 0; n < orders.size(); n++) {
            List<Integer> deliveries = eachTwice(orders.get(n), random);
            for (Lifecycle lifecycle : List.of(snsLifecycle(n, t0), eventBridgeLifecycle(n, t0))) {
                send(lifecycle, deliveries);
                lifecycles.add(lifecycle);
            }
        }

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (String product : List.of("legacy", "license")) {
                assertThat(count("marketgate.notifications.applied", product)
                                + count("marketgate.notifications.duplicates", product))
                        .as("messages of %s handled", product)
                        .isGreaterThanOrEqualTo(2 * 4 * 24);
            }
        });
        for (String product : List.of("legacy", "license")) {
            assertThat(count("marketgate.notifications.applied", product)).isEqualTo(4 * 24);
            assertThat(count("marketgate.notifications.duplicates", product)).isEqualTo(4 * 24);
        }
        for (int n = 0; n < lifecycles.size(); n++) {
            Lifecycle lifecycle = lifecycles.get(n);
            assertThat(subscriptions.of(lifecycle.productId(), lifecycle.end().key()))
                    .as("%s in order %s", lifecycle.productId(), orders.get(n / 2))
                    .contains(lifecycle.end());
            assertThat(jdbc.sql("SELECT message_id FROM notification WHERE message_id IN (:ids)")
                            .param("ids", lifecycle.ids())
                            .query(String.class)
                            .list())
                    .as("stored once: the SNS MessageId or the EventBridge id, not the SQS message id")
                    .containsExactlyInAnyOrderElementsOf(lifecycle.ids());
        }
        assertThat(jdbc.sql("SELECT count(*) FROM notification_quarantine")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /**
     * {@code order} with a second copy of each message at a seeded random place after its first: the
     * messages first arrive in {@code order}, and a duplicate may come before the later messages.
     */
    private static List<Integer> eachTwice(List<Integer> order, Random random) {
        List<Integer> deliveries = new ArrayList<>(order);
        for (Integer message : order) {
            int first = deliveries.indexOf(message);
            deliveries.add(first + 1 + random.nextInt(deliveries.size() - first), message);
        }
        return deliveries;
    }

    /** subscribe-success, entitlement-updated, unsubscribe-pending, unsubscribe-success, one minute apart. */
    private static Lifecycle snsLifecycle(int n, Instant t0) {
        SimState state = SIM.simulator().state();
        Agreement agreement = subscribe(LEGACY_CODE, "41%010d".formatted(n));
        MarketplaceTopics topics = new MarketplaceTopics(state::buyer);
        List<SnsNotification> messages = Stream.of(
                        new LifecycleEvent.SubscribeSucceeded(agreement, LEGACY),
                        new LifecycleEvent.UnsubscribePending(agreement, LEGACY),
                        new LifecycleEvent.Unsubscribed(agreement, LEGACY))
                .flatMap(event -> topics.notificationsFor(event).stream())
                .toList();
        assertThat(messages)
                .extracting(SnsNotification::message)
                .satisfiesExactly(
                        m -> assertThat(m).contains("\"subscribe-success\""),
                        m -> assertThat(m).contains("\"entitlement-updated\""),
                        m -> assertThat(m).contains("\"unsubscribe-pending\""),
                        m -> assertThat(m).contains("\"unsubscribe-success\""));
        SnsEnvelopes signer =
                new SnsEnvelopes(() -> SIM.simulator().notifications().signingCertificate(), () -> SIM.simulator()
                        .endpoint());
        SnsSignatureVersion version = n % 2 == 0 ? SnsSignatureVersion.V1 : SnsSignatureVersion.V2;
        List<String> ids = ids(4);
        List<String> bodies = IntStream.range(0, 4)
                .mapToObj(i -> signer.envelope(messages.get(i), ids.get(i), t0.plusSeconds(60L * i), version))
                .toList();
        String customer = state.buyer(agreement.buyerAccountId()).customerIdentifier();
        return new Lifecycle(
                "legacy",
                "anyorder-legacy",
                bodies,
                ids,
                new SubscriptionView(
                        "legacy",
                        customer,
                        SubscriptionState.ENDED,
                        t0,
                        t0.plusSeconds(180),
                        agreement.freeTrial(),
                        null,
                        null));
    }

    /** Purchase Agreement Created, License Updated, then ten minutes later Ended and Deprovisioned. */
    private static Lifecycle eventBridgeLifecycle(int n, Instant t0) {
        Agreement agreement = subscribe(LICENSE_CODE, "42%010d".formatted(n));
        AgreementEvents source = new AgreementEvents();
        List<AgreementEvent> events = Stream.of(
                        new LifecycleEvent.SubscribeSucceeded(agreement, LICENSE),
                        new LifecycleEvent.UnsubscribePending(agreement, LICENSE))
                .flatMap(event -> source.eventsFor(event, false).stream())
                .toList();
        assertThat(events)
                .extracting(AgreementEvent::detailType)
                .containsExactly(
                        "Purchase Agreement Created - Proposer",
                        "License Updated - Manufacturer",
                        "Purchase Agreement Ended - Proposer",
                        "License Deprovisioned - Manufacturer");
        List<Instant> times = List.of(t0, t0.plusSeconds(5), t0.plusSeconds(500), t0.plusSeconds(560));
        List<String> ids = ids(4);
        List<String> bodies = IntStream.range(0, 4)
                .mapToObj(i -> AgreementEvents.toJson(
                        events.get(i), ids.get(i), UUID.randomUUID().toString(), times.get(i)))
                .toList();
        String license = agreement.licenseArn();
        return new Lifecycle(
                "license",
                "anyorder-license",
                bodies,
                ids,
                new SubscriptionView(
                        "license",
                        license,
                        SubscriptionState.DEPROVISIONING,
                        t0.plusSeconds(5),
                        t0.plusSeconds(560 + 3600),
                        false,
                        license,
                        agreement.buyerAccountId()));
    }

    /** An agreement the simulator knows (the server may read it), without the simulator's own messages. */
    private static Agreement subscribe(String code, String buyer) {
        return SIM.simulator()
                .state()
                .subscribe(code, buyer, new SubscribeOptions(null, null, null, List.of(), false))
                .agreement();
    }

    /** The deliveries of one lifecycle, in their order, in one batch. */
    private static void send(Lifecycle lifecycle, List<Integer> deliveries) {
        String url = SIM.queueUrl(lifecycle.queue());
        List<SendMessageBatchRequestEntry> entries = IntStream.range(0, deliveries.size())
                .mapToObj(i -> SendMessageBatchRequestEntry.builder()
                        .id("d" + i)
                        .messageBody(lifecycle.bodies().get(deliveries.get(i)))
                        .build())
                .toList();
        var answer = SIM.sqs().sendMessageBatch(b -> b.queueUrl(url).entries(entries));
        assertThat(answer.failed()).isEmpty();
    }

    private static List<String> ids(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();
    }

    private static Product simulatorProduct(String code, IdentityMode mode, PricingModel pricing) {
        boolean metered = pricing == PricingModel.SUBSCRIPTION;
        Product product = new Product(
                code,
                "Any order " + code,
                SimulatedNotifications.SELLER_ACCOUNT,
                mode,
                pricing,
                List.of(new Dimension(metered ? "requests" : "seats", "Units", metered)),
                "http://127.0.0.1/fulfillment",
                SIMULATOR_OWN_QUEUE,
                SIMULATOR_OWN_QUEUE);
        SIM.simulator().state().putProduct(product);
        return product;
    }

    private double count(String name, String product) {
        Counter counter = registry.find(name).tag("product", product).counter();
        return counter == null ? 0 : counter.count();
    }
}
