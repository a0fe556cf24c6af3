package io.marketgate.server.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The truth table: every (state, action) pair and the state it leads to. */
class TransitionsTest {

    // state | action | next state; one row per pair, the same table as docs/lifecycle.md.
    private static final String TABLE = """
        pending         | subscribe_success     | active
        pending         | subscribe_fail        | failed
        pending         | unsubscribe_pending   | unsubscribe_pending
        pending         | unsubscribe_success   | ended
        pending         | entitlement_updated   | pending
        pending         | agreement_created     | pending
        pending         | agreement_amended     | pending
        pending         | agreement_ended       | ending
        pending         | license_updated       | active
        pending         | license_deprovisioned | deprovisioning
        active          | subscribe_success     | active
        active          | subscribe_fail        | active
        active          | unsubscribe_pending   | unsubscribe_pending
        active          | unsubscribe_success   | ended
        active          | entitlement_updated   | active
        active          | agreement_created     | active
        active          | agreement_amended     | active
        active          | agreement_ended       | ending
        active          | license_updated       | active
        active          | license_deprovisioned | deprovisioning
        failed          | subscribe_success     | active
        failed          | subscribe_fail        | failed
        failed          | unsubscribe_pending   | failed
        failed          | unsubscribe_success   | ended
        failed          | entitlement_updated   | failed
        failed          | agreement_created     | failed
        failed          | agreement_amended     | failed
        failed          | agreement_ended       | failed
        failed          | license_updated       | active
        failed          | license_deprovisioned | failed
        unsubscribe_pending | subscribe_success     | active
        unsubscribe_pending | subscribe_fail        | unsubscribe_pending
        unsubscribe_pending | unsubscribe_pending   | unsubscribe_pending
        unsubscribe_pending | unsubscribe_success   | ended
        unsubscribe_pending | entitlement_updated   | unsubscribe_pending
        unsubscribe_pending | agreement_created     | unsubscribe_pending
        unsubscribe_pending | agreement_amended     | unsubscribe_pending
        unsubscribe_pending | agreement_ended       | ending
        unsubscribe_pending | license_updated       | active
        unsubscribe_pending | license_deprovisioned | deprovisioning
        ending          | subscribe_success     | active
        ending          | subscribe_fail        | ending
        ending          | unsubscribe_pending   | ending
        ending          | unsubscribe_success   | ended
        ending          | entitlement_updated   | ending
        ending          | agreement_created     | ending
        ending          | agreement_amended     | ending
        ending          | agreement_ended       | ending
        ending          | license_updated       | active
        ending          | license_deprovisioned | deprovisioning
        deprovisioning      | subscribe_success     | active
        deprovisioning      | subscribe_fail        | deprovisioning
        deprovisioning      | unsubscribe_pending   | deprovisioning
        deprovisioning      | unsubscribe_success   | ended
        deprovisioning      | entitlement_updated   | deprovisioning
        deprovisioning      | agreement_created     | deprovisioning
        deprovisioning      | agreement_amended     | deprovisioning
        deprovisioning      | agreement_ended       | deprovisioning
        deprovisioning      | license_updated       | active
        deprovisioning      | license_deprovisioned | deprovisioning
        ended           | subscribe_success     | active
        ended           | subscribe_fail        | ended
        ended           | unsubscribe_pending   | ended
        ended           | unsubscribe_success   | ended
        ended           | entitlement_updated   | ended
        ended           | agreement_created     | ended
        ended           | agreement_amended     | ended
        ended           | agreement_ended       | ended
        ended           | license_updated       | active
        ended           | license_deprovisioned | ended
        """;

    private static Map<String, SubscriptionState> table() {
        Map<String, SubscriptionState> rows = new LinkedHashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] cells = line.split("\\|");
            String pair = cells[0].strip() + "|" + cells[1].strip();
            assertThat(rows.put(pair, SubscriptionState.fromValue(cells[2].strip())))
                    .as("row %s appears once", pair)
                    .isNull();
        }
        return rows;
    }

    @Test
    void theTableHasOneRowForEveryStateAndAction() {
        List<String> pairs = new ArrayList<>();
        for (SubscriptionState state : SubscriptionState.values()) {
            for (LifecycleAction action : LifecycleAction.values()) {
                pairs.add(state.value() + "|" + action.value());
            }
        }
        assertThat(table().keySet()).containsExactlyInAnyOrderElementsOf(pairs);
    }

    @Test
    void everyStateAndActionLeadsToTheTabledState() {
        table().forEach((pair, expected) -> {
            String[] cells = pair.split("\\|");
            assertThat(Transitions.next(SubscriptionState.fromValue(cells[0]), LifecycleAction.fromValue(cells[1])))
                    .as(pair)
                    .isEqualTo(expected);
        });
    }
}
