package io.marketgate.simulator.sqs;

import static io.marketgate.simulator.ContractFixtures.allValueTypes;
import static io.marketgate.simulator.ContractFixtures.contractProduct;
import static io.marketgate.simulator.ContractFixtures.directContract;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.simulator.QueueReader;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.IdentityMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Duplicates and reordering follow the seed: two runs with the same seed deliver the same sequence. */
class DeliveryChaosTest {

    private static final String PRODUCT = "prodchaos00001";
    private static final String EVENTS = "marketgate-" + PRODUCT + "-events";
    private static final String NOTIFICATIONS = "marketgate-" + PRODUCT + "-notifications";
    /** Three agreements x (Created, License Updated, Amended, License Updated) + one (Ended, Deprovisioned). */
    private static final int EVENTS_SENT = 14;

    @Test
    void theSameSeedDeliversTheSameDuplicatedAndReorderedSequence() {
        NotificationSettings chaos =
                NotificationSettings.defaults().withDuplicateProbability(0.5).withReorderWindow(4);

        List<String> first = deliveredEvents(77, chaos);
        List<String> second = deliveredEvents(77, chaos);
        List<String> inOrder = deliveredEvents(77, NotificationSettings.defaults());

        assertThat(second).isEqualTo(first);
        assertThat(first)
                .hasSizeGreaterThan(EVENTS_SENT)
                .doesNotHaveDuplicates()
                .isNotEqualTo(inOrder);
        assertThat(first.stream().map(DeliveryChaosTest::eventId).distinct()).hasSize(EVENTS_SENT);
        assertThat(inOrder).hasSize(EVENTS_SENT);
        assertThat(first.stream().map(DeliveryChaosTest::eventId).collect(Collectors.toSet()))
                .isEqualTo(inOrder.stream().map(DeliveryChaosTest::eventId).collect(Collectors.toSet()));
    }

    @Test
    void alwaysDuplicateDeliversEveryEnvelopeTwiceWithTheSameMessageId() {
        try (Simulator sim = Simulator.builder()
                        .port(0)
                        .sqs(true)
                        .sqsPort(0)
                        .seed(5)
                        .notifications(NotificationSettings.defaults().withDuplicateProbability(1))
                        .build()
                        .start();
                QueueReader queues = new QueueReader(sim)) {
            contractProduct(sim, PRODUCT, IdentityMode.LEGACY);
            directContract(sim, PRODUCT, "710000000001", allValueTypes(1));

            List<JsonNode> envelopes = queues.take(NOTIFICATIONS, 4);

            assertThat(envelopes.stream()
                            .collect(Collectors.groupingBy(
                                    e -> e.get("MessageId").stringValue(), Collectors.counting())))
                    .hasSize(2)
                    .allSatisfy((id, count) -> assertThat(count).isEqualTo(2));
        }
    }

    /**
     * The delivered events as "id detail-type #n", where n counts earlier deliveries of the same id, so a
     * duplicate is a distinct entry and the list records exactly what arrived in which order.
     */
    private static List<String> deliveredEvents(long seed, NotificationSettings settings) {
        try (Simulator sim = Simulator.builder()
                        .port(0)
                        .sqs(true)
                        .sqsPort(0)
                        .seed(seed)
                        .notifications(settings)
                        .build()
                        .start();
                QueueReader queues = new QueueReader(sim)) {
            contractProduct(sim, PRODUCT, IdentityMode.LICENSE);
            for (int buyer = 1; buyer <= 3; buyer++) {
                Agreement agreement = directContract(sim, PRODUCT, "71000000000" + buyer, allValueTypes(buyer));
                sim.state().changeEntitlements(agreement.id(), allValueTypes(buyer * 10));
                if (buyer == 3) {
                    sim.state().cancel(agreement.id());
                }
            }
            sim.notifications().flush();
            List<JsonNode> events = new ArrayList<>(queues.take(EVENTS, EVENTS_SENT));
            events.addAll(queues.drain(EVENTS));
            List<String> delivered = new ArrayList<>();
            for (JsonNode event : events) {
                String id = event.get("id").stringValue() + " "
                        + event.get("detail-type").stringValue();
                long earlier =
                        delivered.stream().filter(d -> d.startsWith(id + " #")).count();
                delivered.add(id + " #" + earlier);
            }
            return delivered;
        }
    }

    private static String eventId(String delivered) {
        return delivered.substring(0, delivered.indexOf(' '));
    }
}
