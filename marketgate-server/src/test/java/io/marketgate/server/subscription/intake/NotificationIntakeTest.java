package io.marketgate.server.subscription.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.PricingModel;
import io.marketgate.server.product.Product;
import io.marketgate.server.subscription.Notification;
import io.marketgate.server.subscription.Notification.SnsAction;
import io.marketgate.simulator.sns.MarketplaceTopics;
import io.marketgate.simulator.sns.SnsSignatureVersion;
import io.marketgate.simulator.sqs.NotificationSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Decisions on real notifications the simulator delivered, and on AWS's documented odd shapes. */
class NotificationIntakeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CODE = "intakeprod1";
    private static final String CONTRACT_CODE = "intakeprod2";

    private static SimulatedNotifications sim;
    private static Product product;
    private static Product contract;

    @BeforeAll
    static void start() {
        sim = new SimulatedNotifications(9);
        product = sim.product(CODE, PricingModel.SUBSCRIPTION);
        contract = sim.product(CONTRACT_CODE, PricingModel.CONTRACT);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void defaultSettings() {
        sim.simulator().notifications().configure(NotificationSettings.defaults());
    }

    @Test
    void subscribeSuccessBecomesAVerifiedSnsNotification() {
        var subscription = sim.subscribe(CODE, "520000000001");
        String body = snsBody(sim.take(queue(), 3));

        var decision = intake(Map.of()).decide(body, List.of(product));

        var sns = (Notification.Sns) ((IntakeDecision.Accept) decision).notification();
        assertThat(sns.messageId())
                .isEqualTo(JSON.readTree(body).get("MessageId").stringValue());
        assertThat(sns.productId()).isEqualTo(product.id());
        assertThat(sns.action()).isEqualTo(SnsAction.SUBSCRIBE_SUCCESS);
        assertThat(sns.customerIdentifier())
                .isEqualTo(sim.simulator().state().buyer("520000000001").customerIdentifier());
        assertThat(sns.offerId()).isEqualTo(subscription.agreement().offerId());
        assertThat(sns.freeTrial()).isFalse();
        assertThat(sns.body()).isEqualTo(body);
        assertThat(sns.sentAt())
                .isEqualTo(Instant.parse(JSON.readTree(body).get("Timestamp").stringValue()));
    }

    @Test
    void aTamperedEnvelopeIsQuarantinedUnderItsMessageId() {
        sim.subscribe(CODE, "520000000002");
        ObjectNode tampered = (ObjectNode) JSON.readTree(snsBody(sim.take(queue(), 3)));
        tampered.put("TopicArn", MarketplaceTopics.entitlementTopic(CODE));

        var decision = intake(Map.of()).decide(tampered.toString(), List.of(product));

        assertThat(decision).isInstanceOfSatisfying(IntakeDecision.Quarantine.class, q -> {
            assertThat(q.messageId()).isEqualTo(tampered.get("MessageId").stringValue());
            assertThat(q.reason()).contains("signature does not match");
        });
    }

    @Test
    void aTopicOutsideTheProductsAllowListIsQuarantined() {
        sim.subscribe(CODE, "520000000003");
        String body = snsBody(sim.take(queue(), 3));
        var onlyOtherTopic = Map.of(product.id(), Set.of("arn:aws:sns:us-east-1:287250355862:some-other-topic"));

        var decision = intake(onlyOtherTopic).decide(body, List.of(product));

        assertThat(decision).isInstanceOfSatisfying(IntakeDecision.Quarantine.class, q -> {
            assertThat(q.productId()).isEqualTo(product.id());
            assertThat(q.reason()).contains("TopicArn").contains("is not allowed");
        });
    }

    @Test
    void theDefaultAllowListIsTheProductsTwoMarketplaceTopics() {
        var topics = new TopicAllowList(Map.of());

        assertThat(topics.allows(product, MarketplaceTopics.subscriptionTopic(CODE)))
                .isTrue();
        assertThat(topics.allows(product, MarketplaceTopics.entitlementTopic(CODE)))
                .isTrue();
        assertThat(topics.allows(
                        product, "arn:aws:sns:eu-west-1:123456789012:aws-mp-subscription-notification-" + CODE))
                .isTrue();
        assertThat(topics.allows(product, MarketplaceTopics.subscriptionTopic(CONTRACT_CODE)))
                .isFalse();
        assertThat(topics.allows(product, "arn:aws:sns:us-east-1:287250355862:aws-mp-subscription-notification-"))
                .isFalse();
        assertThat(topics.allows(product, "aws-mp-subscription-notification-" + CODE))
                .isFalse();
    }

    @Test
    void aProductCodeThatIsNotConfiguredIsQuarantined() {
        sim.subscribe(CODE, "520000000004");
        String body = snsBody(sim.take(queue(), 3));
        var intakeWithoutTheProduct = new NotificationIntake(
                new Catalog(List.of(contract.seller()), List.of(contract)),
                verifier(),
                new TopicAllowList(Map.of()),
                Set.of("aws.agreement-marketplace"));

        assertThat(intakeWithoutTheProduct.decide(body, List.of(contract)))
                .isInstanceOfSatisfying(IntakeDecision.Quarantine.class, q -> assertThat(q.reason())
                        .contains("is not a configured product"));
    }

    @Test
    void theDocumentedMessageWithTrailingCommaSpacesAndOldSpellingsIsAccepted() {
        String message = "{\"action\": \"entitlement-updated\", \"CustomerIdentifier\": \" X01EXAMPLEX \","
                + " \"ProductCode\": \"" + CONTRACT_CODE + "\",}";
        String body = sim.signed(MarketplaceTopics.entitlementTopic(CONTRACT_CODE), message, SnsSignatureVersion.V1);

        var sns = (Notification.Sns)
                ((IntakeDecision.Accept) intake(Map.of()).decide(body, List.of(contract))).notification();

        assertThat(sns.action()).isEqualTo(SnsAction.ENTITLEMENT_UPDATED);
        assertThat(sns.customerIdentifier()).isEqualTo("X01EXAMPLEX");
        assertThat(sns.productId()).isEqualTo(contract.id());
        assertThat(sns.freeTrial()).isNull();
        assertThat(sns.offerId()).isNull();
    }

    @Test
    void theFreeTrialFlagIsReadFromItsString() {
        assertThat(SnsMessages.parse(message("\"true\"")).freeTrial()).isTrue();
        assertThat(SnsMessages.parse(message("\"false\"")).freeTrial()).isFalse();
        assertThat(SnsMessages.parse(message("true")).freeTrial()).isTrue();
    }

    @Test
    void unknownActionsAndMissingFieldsAreQuarantinedWithAReason() {
        assertThat(decideSigned("{\"action\":\"subscribe-maybe\",\"customer-identifier\":\"c\",\"product-code\":\""
                        + CODE + "\"}"))
                .contains("unknown SNS action");
        assertThat(decideSigned("{\"action\":\"subscribe-success\",\"product-code\":\"" + CODE + "\"}"))
                .contains("customer-identifier");
        assertThat(decideSigned("{\"action\":\"subscribe-success\",\"customer-identifier\":\"c\",\"product-code\":\""
                        + CODE + "\",\"isFreeTrialTermPresent\":\"yes\"}"))
                .contains("isFreeTrialTermPresent");
        assertThat(decideSigned("not json")).contains("the SNS Message is not JSON");
    }

    @Test
    void aSubscriptionConfirmationIsQuarantinedForTheOperator() {
        var decision = intake(Map.of())
                .decide(
                        "{\"Type\":\"SubscriptionConfirmation\",\"MessageId\":\"m-1\",\"TopicArn\":\"arn\","
                                + "\"SubscribeURL\":\"https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription\"}",
                        List.of(product));

        assertThat(decision).isInstanceOfSatisfying(IntakeDecision.Quarantine.class, q -> {
            assertThat(q.messageId()).isEqualTo("m-1");
            assertThat(q.reason()).contains("SubscriptionConfirmation");
        });
    }

    @Test
    void aBodyThatIsNeitherJsonNorAKnownShapeIsQuarantinedWithoutAnId() {
        assertThat(intake(Map.of()).decide("<xml/>", List.of(product)))
                .isInstanceOfSatisfying(IntakeDecision.Quarantine.class, q -> {
                    assertThat(q.messageId()).isNull();
                    assertThat(q.productId()).isEqualTo(product.id());
                    assertThat(q.reason()).isEqualTo("the message body is not JSON");
                });
        assertThat(intake(Map.of()).decide("{\"hello\":1}", List.of(product)))
                .isInstanceOfSatisfying(IntakeDecision.Quarantine.class, q -> assertThat(q.reason())
                        .contains("neither an SNS envelope nor an EventBridge event"));
    }

    private static String decideSigned(String message) {
        String body = sim.signed(MarketplaceTopics.subscriptionTopic(CODE), message, SnsSignatureVersion.V2);
        return ((IntakeDecision.Quarantine) intake(Map.of()).decide(body, List.of(product))).reason();
    }

    private static String message(String freeTrial) {
        return "{\"action\":\"subscribe-success\",\"customer-identifier\":\"c\",\"product-code\":\"p\","
                + "\"isFreeTrialTermPresent\":" + freeTrial + "}";
    }

    static String snsBody(List<String> bodies) {
        return bodies.stream().filter(b -> b.contains("\"Type\"")).findFirst().orElseThrow();
    }

    private static String queue() {
        return SimulatedNotifications.queueName(CODE);
    }

    private static NotificationIntake intake(Map<String, Set<String>> allowedTopics) {
        return new NotificationIntake(
                new Catalog(List.of(product.seller()), List.of(product, contract)),
                verifier(),
                new TopicAllowList(allowedTopics),
                Set.of("aws.agreement-marketplace"));
    }

    private static SnsSignatureVerifier verifier() {
        return new SnsSignatureVerifier(
                new SnsTrust(sim.certificateUrl(), null),
                new HttpCertificateFetcher(Duration.ofSeconds(5)),
                Clock.systemUTC());
    }
}
