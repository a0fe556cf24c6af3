package io.marketgate.simulator.sns;

import static io.marketgate.simulator.ContractFixtures.allValueTypes;
import static io.marketgate.simulator.ContractFixtures.contractProduct;
import static io.marketgate.simulator.ContractFixtures.directContract;
import static io.marketgate.simulator.ContractFixtures.subscriptionProduct;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.simulator.QueueReader;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.sqs.NotificationSettings;
import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.IdentityMode;
import io.marketgate.simulator.state.SubscribeOptions;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** SNS envelopes as a seller's SQS poller receives them: shape, messages, and signatures that verify. */
class SnsNotificationTest {

    /** AWS's certificate host rule; the simulator's URL deliberately does not pass it. */
    private static final Pattern AWS_CERT_HOST =
            Pattern.compile("^sns\\.[a-zA-Z0-9\\-]{3,}\\.amazonaws\\.com(\\.cn)?$");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Simulator sim;
    private static QueueReader queues;

    @BeforeAll
    static void start() {
        sim = Simulator.builder().port(0).sqs(true).sqsPort(0).seed(21).build().start();
        queues = new QueueReader(sim);
    }

    @AfterAll
    static void stop() {
        queues.close();
        sim.close();
    }

    @AfterEach
    void defaultSettings() {
        sim.notifications().configure(NotificationSettings.defaults());
    }

    @Test
    void subscribeSuccessOfAContractArrivesOnBothTopicsSignedWithVersion1ByDefault() throws Exception {
        contractProduct(sim, "prodsns0000001", IdentityMode.LEGACY);
        Agreement agreement = directContract(sim, "prodsns0000001", "510000000001", allValueTypes(3));

        List<JsonNode> envelopes = queues.take("marketgate-prodsns0000001-notifications", 2);

        JsonNode subscription = envelopes.get(0);
        assertThat(subscription.get("Type").stringValue()).isEqualTo("Notification");
        assertThat(subscription.get("TopicArn").stringValue())
                .isEqualTo("arn:aws:sns:us-east-1:287250355862:aws-mp-subscription-notification-prodsns0000001");
        assertThat(subscription.get("SignatureVersion").stringValue())
                .as("SNS topics sign with version 1 unless their owner sets 2")
                .isEqualTo("1");
        assertThat(subscription.get("Timestamp").stringValue())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        JsonNode message = JSON.readTree(subscription.get("Message").stringValue());
        assertThat(message.get("action").stringValue()).isEqualTo("subscribe-success");
        assertThat(message.get("customer-identifier").stringValue())
                .isEqualTo(sim.state().buyer("510000000001").customerIdentifier());
        assertThat(message.get("offer-identifier").stringValue()).isEqualTo(agreement.offerId());
        assertThat(message.get("isFreeTrialTermPresent").isString()).isTrue();
        assertThat(message.get("isFreeTrialTermPresent").stringValue()).isEqualTo("false");
        JsonNode entitlement = envelopes.get(1);
        assertThat(entitlement.get("TopicArn").stringValue())
                .endsWith(":aws-mp-entitlement-notification-prodsns0000001");
        assertThat(JSON.readTree(entitlement.get("Message").stringValue())
                        .get("action")
                        .stringValue())
                .isEqualTo("entitlement-updated");
        assertThat(SnsTestVerifier.verifies(subscription)).isTrue();
        assertThat(SnsTestVerifier.verifies(entitlement)).isTrue();
    }

    @Test
    void version2StaysSelectableAndVerifiesWithSha256() throws Exception {
        subscriptionProduct(sim, "prodsns0000002");
        sim.notifications().configure(NotificationSettings.defaults().withSnsSignatureVersion(SnsSignatureVersion.V2));
        Agreement agreement = directContract(sim, "prodsns0000002", "510000000002", List.of());
        sim.state().cancel(agreement.id());
        sim.state().completeCancel(agreement.id());

        List<JsonNode> envelopes = queues.take("marketgate-prodsns0000002-notifications", 3);

        assertThat(envelopes)
                .extracting(e -> JSON.readTree(e.get("Message").stringValue())
                        .get("action")
                        .stringValue())
                .containsExactly("subscribe-success", "unsubscribe-pending", "unsubscribe-success");
        assertThat(envelopes).allSatisfy(e -> {
            assertThat(e.get("SignatureVersion").stringValue()).isEqualTo("2");
            assertThat(SnsTestVerifier.verifies(e)).isTrue();
        });
        assertThat(JSON.readTree(envelopes.get(1).get("Message").stringValue()).has("offer-identifier"))
                .isFalse();
    }

    @Test
    void aTamperedMessageDoesNotVerify() throws Exception {
        subscriptionProduct(sim, "prodsns0000003");
        directContract(sim, "prodsns0000003", "510000000003", List.of());
        ObjectNode envelope = (ObjectNode)
                queues.take("marketgate-prodsns0000003-notifications", 1).getFirst();

        envelope.put(
                "Message", envelope.get("Message").stringValue().replace("subscribe-success", "unsubscribe-success"));

        assertThat(SnsTestVerifier.verifies(envelope)).isFalse();
    }

    @Test
    void subscribeFailAndFreeTrialsAreReported() throws Exception {
        subscriptionProduct(sim, "prodsns0000004");
        Agreement agreement = sim.state()
                .subscribe(
                        "prodsns0000004",
                        "510000000004",
                        new SubscribeOptions("free-trial", null, null, List.of(), false))
                .agreement();
        sim.state().fail(agreement.id());

        JsonNode envelope =
                queues.take("marketgate-prodsns0000004-notifications", 1).getFirst();

        JsonNode message = JSON.readTree(envelope.get("Message").stringValue());
        assertThat(message.get("action").stringValue()).isEqualTo("subscribe-fail");
        assertThat(message.get("isFreeTrialTermPresent").stringValue()).isEqualTo("true");
        assertThat(queues.drain("marketgate-prodsns0000004-notifications")).isEmpty();
    }

    @Test
    void theCertificateIsServedAtSigningCertUrlWhichAwsHostRulesWouldReject() throws Exception {
        subscriptionProduct(sim, "prodsns0000005");
        directContract(sim, "prodsns0000005", "510000000005", List.of());
        JsonNode envelope =
                queues.take("marketgate-prodsns0000005-notifications", 1).getFirst();

        URI certUrl = URI.create(envelope.get("SigningCertURL").stringValue());

        assertThat(certUrl.getPath()).endsWith(".pem");
        assertThat(AWS_CERT_HOST.matcher(certUrl.getHost()).matches()).isFalse();
        assertThat(SnsTestVerifier.certificate(certUrl.toString()))
                .isEqualTo(sim.notifications().signingCertificate().certificate());
        assertThat(envelope.get("UnsubscribeURL").stringValue()).startsWith(sim.endpoint() + "/_sim/sns/unsubscribe");
    }
}
