package io.marketgate.server.subscription.intake.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.PricingModel;
import io.marketgate.server.product.Product;
import io.marketgate.server.shared.jdbc.TestDatabase;
import io.marketgate.server.shared.jdbc.TimestampColumns;
import io.marketgate.server.subscription.Notification;
import io.marketgate.server.subscription.intake.HttpCertificateFetcher;
import io.marketgate.server.subscription.intake.NotificationIntake;
import io.marketgate.server.subscription.intake.RecordingSink;
import io.marketgate.server.subscription.intake.SimulatedNotifications;
import io.marketgate.server.subscription.intake.SnsSignatureVerifier;
import io.marketgate.server.subscription.intake.SnsTrust;
import io.marketgate.server.subscription.intake.TopicAllowList;
import io.marketgate.server.subscription.intake.jdbc.JdbcQuarantine;
import io.marketgate.server.webhook.Outbox;
import io.marketgate.server.webhook.TestOutbox;
import io.marketgate.simulator.sns.MarketplaceTopics;
import io.marketgate.simulator.sns.SnsSignatureVersion;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The consumer on the simulator's real SQS (ElasticMQ), with a real database behind the quarantine. */
class QueueConsumerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static SimulatedNotifications sim;
    private static int productCounter;

    @TempDir
    Path folder;

    private TestDatabase database;
    private Outbox outbox;
    private JdbcQuarantine quarantine;
    private RecordingSink sink;
    private SimpleMeterRegistry registry;
    private Product product;
    private String code;
    private String queueUrl;
    private QueueConsumer consumer;

    @BeforeAll
    static void startSimulator() {
        sim = new SimulatedNotifications(11);
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void setUp() {
        database = TestDatabase.sqlite(folder);
        outbox = TestOutbox.over(database, Clock.systemUTC());
        quarantine = transactional(new JdbcQuarantine(
                database.jdbcClient(), TimestampColumns.of(database.dataSource()), outbox, Clock.systemUTC()));
        sink = new RecordingSink();
        registry = new SimpleMeterRegistry();
        code = "consumerprod" + (++productCounter);
        product = sim.product(code, PricingModel.SUBSCRIPTION);
        queueUrl = sim.queueUrl(SimulatedNotifications.queueName(code));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (consumer != null) {
            consumer.requestStop();
            assertThat(consumer.awaitStopped(5_000)).isTrue();
        }
        database.close();
    }

    @Test
    void verifiedNotificationsReachTheSinkAndAreDeletedFromTheQueue() {
        start(Duration.ofSeconds(30));
        sim.subscribe(code, "540000000001");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sink.applied()).hasSize(3));
        assertThat(sink.applied()).hasAtLeastOneElementOfType(Notification.Sns.class);
        assertThat(sink.applied())
                .filteredOn(n -> n instanceof Notification.AgreementEvent)
                .hasSize(2);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(messagesInQueue()).isZero());
        assertThat(counter("marketgate.notifications.applied")).isEqualTo(3);
        assertThat(counter("marketgate.notifications.received")).isEqualTo(3);
        assertThat(quarantine.newestFirst(null, 10)).isEmpty();
    }

    @Test
    void theMessageIsStillOnTheQueueWhileTheSinkWorks() {
        AtomicInteger inFlightDuringAccept = new AtomicInteger(-1);
        sink.before(n -> inFlightDuringAccept.compareAndSet(-1, messagesInQueue()));
        start(Duration.ofSeconds(30));
        sim.send(queueUrl, signed(subscribeSuccess("C-INFLIGHT")));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sink.applied()).hasSize(1));
        assertThat(inFlightDuringAccept.get()).isEqualTo(1);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(messagesInQueue()).isZero());
    }

    @Test
    void aFailingSinkLeavesTheMessageToBeRedeliveredAfterTheVisibilityTimeout() {
        AtomicInteger calls = new AtomicInteger();
        sink.before(n -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database unavailable");
            }
        });
        start(Duration.ofSeconds(1));
        String body = signed(subscribeSuccess("C-REDELIVER"));
        String messageId = JSON.readTree(body).get("MessageId").stringValue();
        sim.send(queueUrl, body);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sink.applied()).hasSize(1));
        assertThat(sink.attempts()).containsExactly(messageId, messageId);
        assertThat(counter("marketgate.notifications.failures")).isEqualTo(1);
        assertThat(counter("marketgate.notifications.applied")).isEqualTo(1);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(messagesInQueue()).isZero());
    }

    @Test
    void aTamperedMessageIsQuarantinedNotAppliedAndNotLost() {
        start(Duration.ofSeconds(30));
        ObjectNode tampered = (ObjectNode) JSON.readTree(signed(subscribeSuccess("C-TAMPER")));
        tampered.put("Message", tampered.get("Message").stringValue().replace("C-TAMPER", "C-ATTACKER"));
        sim.send(queueUrl, tampered.toString());

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(quarantine.newestFirst(null, 10))
                .hasSize(1));
        var row = quarantine.newestFirst(null, 10).getFirst();
        assertThat(row.body()).isEqualTo(tampered.toString());
        assertThat(row.messageKey()).isEqualTo(tampered.get("MessageId").stringValue());
        assertThat(row.reason()).contains("signature does not match");
        assertThat(row.queueUrl()).isEqualTo(queueUrl);
        assertThat(outbox.list(0, null, 10)).extracting(e -> e.type()).containsExactly("notification.quarantined");
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(messagesInQueue()).isZero());
        assertThat(sink.attempts()).isEmpty();
    }

    @Test
    void theSameBadMessageDeliveredTwiceIsStoredOnce() {
        start(Duration.ofSeconds(30));
        sim.send(queueUrl, "not json at all");
        sim.send(queueUrl, "not json at all");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(counter("marketgate.notifications.quarantined"))
                .isEqualTo(2));
        assertThat(quarantine.newestFirst(null, 10)).hasSize(1);
        assertThat(outbox.list(0, null, 10)).hasSize(1);
    }

    @Test
    void forgedHostsDisallowedTopicsAndUnknownSourcesAreQuarantined() {
        start(Duration.ofSeconds(30));
        ObjectNode forgedHost = (ObjectNode) JSON.readTree(signed(subscribeSuccess("C-FORGED")));
        forgedHost.put("SigningCertURL", "https://sns.us-east-1.amazonaws.com.attacker.example/cert.pem");
        String otherTopic = sim.signed(
                "arn:aws:sns:us-east-1:287250355862:aws-mp-subscription-notification-someoneelse",
                subscribeSuccess("C-TOPIC"),
                SnsSignatureVersion.V1);
        String otherSource =
                "{\"id\":\"evt-x\",\"source\":\"aws.marketplacecatalog\",\"detail-type\":\"Offer Released\","
                        + "\"time\":\"2026-03-15T10:20:00Z\",\"detail\":{}}";
        sim.send(queueUrl, forgedHost.toString());
        sim.send(queueUrl, otherTopic);
        sim.send(queueUrl, otherSource);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(quarantine.newestFirst(null, 10))
                .hasSize(3));
        assertThat(quarantine.newestFirst(null, 10))
                .extracting(q -> q.reason())
                .anySatisfy(r -> assertThat(r).contains("is not an AWS SNS certificate URL"))
                .anySatisfy(r -> assertThat(r).contains("TopicArn").contains("is not allowed"))
                .anySatisfy(r -> assertThat(r).contains("source \"aws.marketplacecatalog\" is not allowed"));
        assertThat(sink.attempts()).isEmpty();
    }

    @Test
    void eventsMarketgateDoesNotActOnAreCountedAndDeleted() {
        start(Duration.ofSeconds(30));
        sim.send(
                queueUrl,
                "{\"id\":\"evt-r\",\"source\":\"aws.agreement-marketplace\","
                        + "\"detail-type\":\"Purchase Agreement Renewal Upcoming - Proposer\",\"time\":\"2026-03-15T10:20:00Z\","
                        + "\"detail\":{}}");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(counter("marketgate.notifications.ignored"))
                .isEqualTo(1));
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(messagesInQueue()).isZero());
        assertThat(quarantine.newestFirst(null, 10)).isEmpty();
        assertThat(sink.attempts()).isEmpty();
    }

    private void start(Duration visibilityTimeout) {
        var intake = new NotificationIntake(
                new Catalog(List.of(product.seller()), List.of(product)),
                new SnsSignatureVerifier(
                        new SnsTrust(sim.certificateUrl(), null),
                        new HttpCertificateFetcher(Duration.ofSeconds(5)),
                        Clock.systemUTC()),
                new TopicAllowList(Map.of()),
                Set.of("aws.agreement-marketplace"));
        consumer = new QueueConsumer(
                queueUrl,
                List.of(product),
                sim.sqs(),
                intake,
                sink,
                quarantine,
                new IntakeMetrics(registry),
                new ConsumerSettings(Duration.ofSeconds(1), visibilityTimeout, 10, Duration.ofMillis(200)));
        consumer.start();
    }

    private String subscribeSuccess(String customer) {
        return "{\"action\":\"subscribe-success\",\"customer-identifier\":\"" + customer + "\",\"product-code\":\""
                + code + "\",\"isFreeTrialTermPresent\":\"false\"}";
    }

    private String signed(String message) {
        return sim.signed(MarketplaceTopics.subscriptionTopic(code), message, SnsSignatureVersion.V2);
    }

    /** Visible plus in-flight messages: zero once everything was deleted. */
    private int messagesInQueue() {
        var attributes = sim.sqs()
                .getQueueAttributes(r -> r.queueUrl(queueUrl)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private double counter(String name) {
        var counter = registry.find(name).tag("product", product.id()).counter();
        if (counter == null) {
            counter = registry.find(name).counter();
        }
        return counter == null ? 0 : counter.count();
    }

    /** The quarantine with its {@code @Transactional} honoured, as in the application. */
    private JdbcQuarantine transactional(JdbcQuarantine target) {
        ProxyFactory proxy = new ProxyFactory(target);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice(new TransactionInterceptor(
                new DataSourceTransactionManager(database.dataSource()), new AnnotationTransactionAttributeSource()));
        return (JdbcQuarantine) proxy.getProxy();
    }
}
