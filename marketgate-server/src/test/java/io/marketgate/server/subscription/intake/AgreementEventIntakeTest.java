package io.marketgate.server.subscription.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.PricingModel;
import io.marketgate.server.product.Product;
import io.marketgate.server.subscription.Notification;
import io.marketgate.server.subscription.Notification.AgreementEventType;
import io.marketgate.simulator.sqs.NotificationSettings;
import io.marketgate.simulator.state.Agreement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** EventBridge agreement events the simulator delivered, direct ({@code - Proposer}) and through a reseller. */
class AgreementEventIntakeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CODE = "ebprod1";
    private static final String RESELLER = "999988887777";

    private static SimulatedNotifications sim;
    private static Product product;

    @BeforeAll
    static void start() {
        sim = new SimulatedNotifications(10);
        product = sim.product(CODE, PricingModel.SUBSCRIPTION);
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
    void aDirectSaleGivesProposerAgreementEventsAndAPrefixedLicenseArn() {
        Agreement agreement = sim.subscribe(CODE, "530000000001").agreement();
        List<JsonNode> events = events(2, "Purchase Agreement Created", "License Updated");

        var created = accepted(events.get(0));
        var license = accepted(events.get(1));

        assertThat(events.get(0).get("detail-type").stringValue()).isEqualTo("Purchase Agreement Created - Proposer");
        assertThat(created.type()).isEqualTo(AgreementEventType.PURCHASE_AGREEMENT_CREATED);
        assertThat(created.messageId()).isEqualTo(events.get(0).get("id").stringValue());
        assertThat(created.productId()).isEqualTo(product.id());
        assertThat(created.agreementId()).isEqualTo(agreement.id());
        assertThat(created.acceptorAccountId()).isEqualTo("530000000001");
        assertThat(created.agreementStatus()).isEqualTo("ACTIVE");
        assertThat(created.licenseArn()).isNull();
        assertThat(created.resaleAuthorizationId()).isNull();
        assertThat(created.sentAt())
                .isEqualTo(Instant.parse(events.get(0).get("time").stringValue()));
        assertThat(events.get(1).at("/detail/license/arn").stringValue()).startsWith("aws:license-manager:");
        assertThat(license.type()).isEqualTo(AgreementEventType.LICENSE_UPDATED);
        assertThat(license.licenseArn()).isEqualTo(agreement.licenseArn()).startsWith("arn:aws:license-manager:");
    }

    @Test
    void aLicenseArnAlreadyPrefixedIsKeptAsItIs() {
        sim.simulator()
                .notifications()
                .configure(NotificationSettings.defaults().withLicenseArnPrefix(true));
        Agreement agreement = sim.subscribe(CODE, "530000000002").agreement();
        List<JsonNode> events = events(2, "Purchase Agreement Created", "License Updated");

        assertThat(events.get(1).at("/detail/license/arn").stringValue()).startsWith("arn:");
        assertThat(accepted(events.get(1)).licenseArn()).isEqualTo(agreement.licenseArn());
    }

    @Test
    void aSaleThroughAResellerGivesManufacturerEventsWithItsResaleAuthorization() {
        Agreement agreement =
                sim.subscribeThroughReseller(CODE, "530000000003", RESELLER).agreement();
        events(2, "Purchase Agreement Created", "License Updated");
        sim.simulator().state().cancel(agreement.id());
        List<JsonNode> events = events(2, "Purchase Agreement Ended", "License Deprovisioned");

        var ended = accepted(events.get(0));
        var deprovisioned = accepted(events.get(1));

        assertThat(events.get(0).get("detail-type").stringValue()).isEqualTo("Purchase Agreement Ended - Manufacturer");
        assertThat(ended.type()).isEqualTo(AgreementEventType.PURCHASE_AGREEMENT_ENDED);
        assertThat(ended.agreementStatus()).isEqualTo("CANCELLED");
        assertThat(ended.resaleAuthorizationId()).startsWith("resaleauthz-");
        assertThat(ended.productId()).isEqualTo(product.id());
        assertThat(deprovisioned.type()).isEqualTo(AgreementEventType.LICENSE_DEPROVISIONED);
        assertThat(deprovisioned.licenseArn()).isEqualTo(agreement.licenseArn());
    }

    @Test
    void detailTypesMarketgateDoesNotActOnAreIgnoredNotQuarantined() {
        String advisory =
                event("Purchase Agreement Renewal Upcoming - Proposer", "{\"agreement\":{\"id\":\"agmt-1\"}}");

        assertThat(intake().decide(advisory, List.of(product)))
                .isInstanceOfSatisfying(IntakeDecision.Ignore.class, i -> {
                    assertThat(i.messageId()).isEqualTo("evt-1");
                    assertThat(i.reason()).contains("Purchase Agreement Renewal Upcoming - Proposer");
                });
        assertThat(AgreementEvents.type("License Updated - Proposer")).isEqualTo(AgreementEventType.LICENSE_UPDATED);
        assertThat(AgreementEvents.type("License Updated")).isNull();
    }

    @Test
    void anotherSourceIsQuarantined() {
        String catalogEvent = event("Purchase Agreement Created - Proposer", "{\"agreement\":{\"id\":\"agmt-1\"}}")
                .replace("aws.agreement-marketplace", "aws.marketplacecatalog");

        assertThat(intake().decide(catalogEvent, List.of(product)))
                .isInstanceOfSatisfying(IntakeDecision.Quarantine.class, q -> {
                    assertThat(q.messageId()).isEqualTo("evt-1");
                    assertThat(q.reason()).contains("source \"aws.marketplacecatalog\" is not allowed");
                });
    }

    @Test
    void anUnknownProductCodeIsQuarantined() {
        String foreign = event(
                "License Updated - Manufacturer",
                "{\"agreement\":{\"id\":\"agmt-1\"},\"product\":{\"code\":\"someone-elses\"},"
                        + "\"license\":{\"arn\":\"aws:license-manager:us-east-1:1:l-1\"}}");

        assertThat(intake().decide(foreign, List.of(product)))
                .isInstanceOfSatisfying(IntakeDecision.Quarantine.class, q -> assertThat(q.reason())
                        .contains("\"someone-elses\" is not a configured product"));
    }

    @Test
    void aLicenseEventWithoutItsLicenseIsQuarantined() {
        String noLicense = event(
                "License Deprovisioned - Manufacturer",
                "{\"agreement\":{\"id\":\"agmt-1\"},\"product\":{\"code\":\"" + CODE + "\"}}");

        assertThat(intake().decide(noLicense, List.of(product)))
                .isInstanceOfSatisfying(IntakeDecision.Quarantine.class, q -> assertThat(q.reason())
                        .contains("detail.license.arn"));
    }

    @Test
    void anAgreementEventWithoutProductCodeNeedsAQueueOfOneProduct() {
        String created = event("Purchase Agreement Created - Proposer", "{\"agreement\":{\"id\":\"agmt-1\"}}");
        Product other = SimulatedNotifications.serverProduct("ebprod2", PricingModel.SUBSCRIPTION);

        assertThat(intake().decide(created, List.of(product, other)))
                .isInstanceOfSatisfying(IntakeDecision.Quarantine.class, q -> assertThat(q.reason())
                        .contains("serves 2 products"));
    }

    private static Notification.AgreementEvent accepted(JsonNode event) {
        var decision = intake().decide(event.toString(), List.of(product));
        return (Notification.AgreementEvent) ((IntakeDecision.Accept) decision).notification();
    }

    private static String event(String detailType, String detail) {
        return "{\"version\":\"0\",\"id\":\"evt-1\",\"detail-type\":\"" + detailType
                + "\",\"source\":\"aws.agreement-marketplace\",\"account\":\"111122223333\","
                + "\"time\":\"2026-03-15T10:20:00Z\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":" + detail
                + "}";
    }

    /**
     * The next {@code count} EventBridge events on the product's queue (its one SNS message is skipped), in the
     * order of the detail types given, whatever order the queue returned them in.
     */
    private static List<JsonNode> events(int count, String... detailTypesInOrder) {
        List<JsonNode> events = sim.take(SimulatedNotifications.queueName(CODE), count + 1).stream()
                .map(JSON::readTree)
                .filter(json -> json.has("detail-type"))
                .toList();
        return java.util.Arrays.stream(detailTypesInOrder)
                .map(type -> events.stream()
                        .filter(e -> e.get("detail-type").stringValue().startsWith(type + " - "))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no " + type + " in " + events)))
                .toList();
    }

    private static NotificationIntake intake() {
        return new NotificationIntake(
                new Catalog(List.of(product.seller()), List.of(product)),
                new SnsSignatureVerifier(
                        SnsTrust.awsOnly(),
                        url -> {
                            throw new AssertionError("no SNS here");
                        },
                        Clock.systemUTC()),
                new TopicAllowList(Map.of()),
                Set.of("aws.agreement-marketplace"));
    }
}
