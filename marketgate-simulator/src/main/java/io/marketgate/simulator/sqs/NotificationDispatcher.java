package io.marketgate.simulator.sqs;

import io.marketgate.simulator.eventbridge.AgreementEvent;
import io.marketgate.simulator.eventbridge.AgreementEvents;
import io.marketgate.simulator.sns.MarketplaceTopics;
import io.marketgate.simulator.sns.SnsEnvelopes;
import io.marketgate.simulator.sns.SnsNotification;
import io.marketgate.simulator.state.LifecycleEvent;
import io.marketgate.simulator.state.SimIds;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns each lifecycle event into the SNS envelopes and EventBridge events AWS would send and hands them
 * to delivery, SNS first (subscription topic, then entitlement topic), then EventBridge.
 */
final class NotificationDispatcher implements Consumer<LifecycleEvent> {

    private final MarketplaceTopics topics;
    private final SnsEnvelopes envelopes;
    private final AgreementEvents agreementEvents = new AgreementEvents();
    private final SimIds ids;
    private final Clock clock;
    private final Supplier<NotificationSettings> settings;
    private final DeliveryPipeline pipeline;

    NotificationDispatcher(
            MarketplaceTopics topics,
            SnsEnvelopes envelopes,
            SimIds ids,
            Clock clock,
            Supplier<NotificationSettings> settings,
            DeliveryPipeline pipeline) {
        this.topics = topics;
        this.envelopes = envelopes;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
        this.pipeline = pipeline;
    }

    /** Synchronized so ids are drawn and messages submitted in the order events happen. */
    @Override
    public synchronized void accept(LifecycleEvent event) {
        NotificationSettings current = settings.get();
        List<OutgoingMessage> messages = new ArrayList<>();
        if (current.snsEnabled()) {
            String queue = Notifications.notificationQueue(event.product());
            for (SnsNotification notification : topics.notificationsFor(event)) {
                String envelope =
                        envelopes.envelope(notification, ids.uuid(), clock.instant(), current.snsSignatureVersion());
                messages.add(new OutgoingMessage(queue, envelope, 0));
            }
        }
        if (current.eventBridgeEnabled()) {
            String queue = Notifications.eventQueue(event.product());
            for (AgreementEvent agreementEvent : agreementEvents.eventsFor(event, current.licenseArnWithPrefix())) {
                String json = AgreementEvents.toJson(agreementEvent, ids.uuid(), ids.uuid(), clock.instant());
                messages.add(new OutgoingMessage(
                        queue, json, agreementEvent.followsEnd() ? current.deprovisionDelayMs() : 0));
            }
        }
        if (!messages.isEmpty()) {
            pipeline.submit(messages);
        }
    }
}
