package io.marketgate.server.metering.customers;

import io.marketgate.server.metering.RecordFreezer;
import io.marketgate.server.subscription.SubscriptionChanged;
import io.marketgate.server.subscription.SubscriptionState;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Final metering: when a subscription starts closing (unsubscribe-pending, Purchase Agreement Ended,
 * License Deprovisioned) or ends, the customer's open hours freeze at once and go out with the next
 * round, well within AWS's hour. Later usage rolls forward while the customer still accepts usage
 * (deprovisioning: one more hour), else it is unbillable.
 */
@Component
class FinalFlush {

    private static final Logger LOG = LoggerFactory.getLogger(FinalFlush.class);

    private static final Set<SubscriptionState> CLOSING = EnumSet.of(
            SubscriptionState.UNSUBSCRIBE_PENDING,
            SubscriptionState.ENDING,
            SubscriptionState.DEPROVISIONING,
            SubscriptionState.ENDED);

    private final RecordFreezer freezer;

    FinalFlush(RecordFreezer freezer) {
        this.freezer = freezer;
    }

    @EventListener
    void on(SubscriptionChanged change) {
        if (change.customerId() != null && CLOSING.contains(change.to())) {
            int frozen = freezer.flush(change.customerId());
            LOG.info(
                    "Final metering flush for customer {} ({} → {}): {} open records frozen",
                    change.customerId(),
                    change.from(),
                    change.to(),
                    frozen);
        }
    }
}
