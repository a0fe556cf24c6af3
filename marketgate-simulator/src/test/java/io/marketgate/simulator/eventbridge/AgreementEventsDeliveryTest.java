package io.marketgate.simulator.eventbridge;

import static io.marketgate.simulator.ContractFixtures.SELLER_ACCOUNT;
import static io.marketgate.simulator.ContractFixtures.allValueTypes;
import static io.marketgate.simulator.ContractFixtures.contractProduct;
import static io.marketgate.simulator.ContractFixtures.directContract;
import static io.marketgate.simulator.ContractFixtures.resoldContract;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.simulator.ControlClient;
import io.marketgate.simulator.QueueReader;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.sqs.NotificationSettings;
import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.IdentityMode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code aws.agreement-marketplace} events as an SQS target of the seller's EventBridge rule receives them. */
class AgreementEventsDeliveryTest {

    private static final String RESELLER = "999988887777";
    private static Simulator sim;
    private static QueueReader queues;

    @BeforeAll
    static void start() {
        sim = Simulator.builder().port(0).sqs(true).sqsPort(0).seed(31).build().start();
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
    void aDirectSaleGivesProposerAgreementEventsAndManufacturerLicenseEventsThroughItsWholeLife() {
        contractProduct(sim, "prodeb00000001", IdentityMode.LICENSE);
        Agreement agreement = directContract(sim, "prodeb00000001", "610000000001", allValueTypes(1));
        sim.state().changeEntitlements(agreement.id(), allValueTypes(2));
        sim.state().cancel(agreement.id());
        sim.state().completeCancel(agreement.id());

        List<JsonNode> events = queues.take("marketgate-prodeb00000001-events", 6);

        assertThat(events)
                .extracting(e -> e.get("detail-type").stringValue())
                .containsExactly(
                        "Purchase Agreement Created - Proposer", "License Updated - Manufacturer",
                        "Purchase Agreement Amended - Proposer", "License Updated - Manufacturer",
                        "Purchase Agreement Ended - Proposer", "License Deprovisioned - Manufacturer");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("source").stringValue()).isEqualTo("aws.agreement-marketplace");
            assertThat(e.get("account").stringValue()).isEqualTo(SELLER_ACCOUNT);
            assertThat(e.get("region").stringValue()).isEqualTo("us-east-1");
            assertThat(e.get("detail").get("agreement").get("id").stringValue()).isEqualTo(agreement.id());
            assertThat(e.get("detail").get("acceptor").get("accountId").stringValue())
                    .isEqualTo("610000000001");
        });
        assertThat(events).extracting(e -> e.get("id").stringValue()).doesNotHaveDuplicates();
        JsonNode created = events.get(0).get("detail");
        assertThat(created.get("agreement").get("intent").stringValue()).isEqualTo("NEW");
        assertThat(created.get("resaleAuthorization").isNull()).isTrue();
        assertThat(created.get("proposer").get("accountId").stringValue()).isEqualTo(SELLER_ACCOUNT);
        assertThat(created.has("license")).isFalse();
        assertThat(events.get(2).get("detail").get("agreement").get("intent").stringValue())
                .isEqualTo("AMEND");
        assertThat(events.get(4).get("detail").get("agreement").get("status").stringValue())
                .isEqualTo("CANCELLED");
        assertThat(events.get(1).get("detail").get("license").get("arn").stringValue())
                .as("AWS's documented example has no arn: prefix")
                .isEqualTo(agreement.licenseArn().substring("arn:".length()))
                .startsWith("aws:license-manager:");
        assertThat(queues.drain("marketgate-prodeb00000001-events")).isEmpty();
    }

    @Test
    void aSaleThroughAResellerGivesManufacturerAgreementEventsWithTheResaleAuthorization() {
        contractProduct(sim, "prodeb00000002", IdentityMode.ACCOUNT);
        sim.notifications().configure(NotificationSettings.defaults().withLicenseArnPrefix(true));
        Agreement agreement = resoldContract(sim, "prodeb00000002", "610000000002", RESELLER, allValueTypes(1));
        sim.state().cancel(agreement.id());

        List<JsonNode> events = queues.take("marketgate-prodeb00000002-events", 4);

        assertThat(events)
                .extracting(e -> e.get("detail-type").stringValue())
                .containsExactly(
                        "Purchase Agreement Created - Manufacturer", "License Updated - Manufacturer",
                        "Purchase Agreement Ended - Manufacturer", "License Deprovisioned - Manufacturer");
        JsonNode created = events.get(0).get("detail");
        assertThat(created.get("resaleAuthorization").get("id").stringValue()).startsWith("resaleauthz-");
        assertThat(created.get("proposer").get("accountId").stringValue()).isEqualTo(RESELLER);
        assertThat(created.get("offer").get("id").stringValue()).isEqualTo("offer-cppo0000001");
        assertThat(events.get(2)
                        .get("detail")
                        .get("resaleAuthorization")
                        .get("id")
                        .stringValue())
                .isEqualTo(created.get("resaleAuthorization").get("id").stringValue());
        assertThat(events.get(1).get("detail").get("license").get("arn").stringValue())
                .isEqualTo(agreement.licenseArn());
        assertThat(events.get(3).get("detail").get("license").get("arn").stringValue())
                .startsWith("arn:aws:license-manager:");
    }

    @Test
    void channelsCanBeSwitchedOffSoOnlyTheOtherOneDelivers() {
        contractProduct(sim, "prodeb00000003", IdentityMode.LEGACY);
        sim.notifications().configure(NotificationSettings.defaults().withChannels(true, false));
        directContract(sim, "prodeb00000003", "610000000003", allValueTypes(1));

        assertThat(queues.take("marketgate-prodeb00000003-notifications", 2)).hasSize(2);
        assertThat(queues.drain("marketgate-prodeb00000003-events")).isEmpty();
    }

    @Test
    void contractTermsWithoutExpirationSubscribeOverTheControlApiAndTheAgreementEndsWithTheLatestGivenOne() {
        contractProduct(sim, "prodeb00000004", IdentityMode.LICENSE);
        ControlClient control = new ControlClient(sim.endpoint());

        ControlClient.Reply open = control.post("/_sim/agreements", """
                {"productCode": "prodeb00000004", "buyerAccountId": "610000000004",
                 "entitlements": [{"dimension": "seats", "value": 5}]}""");
        ControlClient.Reply mixed = control.post("/_sim/agreements", """
                {"productCode": "prodeb00000004", "buyerAccountId": "610000000005",
                 "entitlements": [{"dimension": "seats", "value": 5},
                                  {"dimension": "sso", "value": true, "expiration": "2027-01-31T00:00:00Z"},
                                  {"dimension": "tier", "value": "gold", "expiration": "2027-03-31T00:00:00Z"}]}""");

        assertThat(open.status()).as(open.body()).isEqualTo(201);
        assertThat(mixed.status()).as(mixed.body()).isEqualTo(201);
        List<JsonNode> events = queues.take("marketgate-prodeb00000004-events", 4);
        JsonNode openEnded = createdFor(events, "610000000004");
        JsonNode mixedEnded = createdFor(events, "610000000005");
        assertThat(openEnded.has("endTime")).as("no entitlement gives an end").isFalse();
        assertThat(mixedEnded.get("endTime").stringValue()).isEqualTo("2027-03-31T00:00:00Z");
    }

    private static JsonNode createdFor(List<JsonNode> events, String buyer) {
        return events.stream()
                .filter(e -> e.get("detail-type").stringValue().startsWith("Purchase Agreement Created"))
                .filter(e -> buyer.equals(e.at("/detail/acceptor/accountId").stringValue()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Created event for " + buyer + " in " + events))
                .at("/detail/agreement");
    }
}
