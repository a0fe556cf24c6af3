package io.marketgate.simulator.eventbridge;

import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.LifecycleEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The EventBridge events AWS Marketplace sends the seller for each lifecycle event.
 *
 * <ul>
 *   <li>subscribe-success: Purchase Agreement Created, then License Updated;
 *   <li>entitlements changed: Purchase Agreement Amended, then License Updated;
 *   <li>cancellation (unsubscribe-pending, or unsubscribe-success without it): Purchase Agreement Ended,
 *       then License Deprovisioned, which AWS sends seconds to minutes later.
 * </ul>
 * A direct sale gives {@code - Proposer} agreement events; a sale through a reseller gives the seller
 * {@code - Manufacturer} ones with {@code resaleAuthorization}. License events are always {@code - Manufacturer}.
 */
public final class AgreementEvents {

    public static final String SOURCE = "aws.agreement-marketplace";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Set<String> endedAgreements = ConcurrentHashMap.newKeySet();

    /** The events for one lifecycle event, in sending order (possibly none). */
    public List<AgreementEvent> eventsFor(LifecycleEvent event, boolean licenseArnWithPrefix) {
        AgreementEventDetails details =
                new AgreementEventDetails(event.agreement(), event.product(), licenseArnWithPrefix);
        List<AgreementEvent> out = new ArrayList<>();
        switch (event) {
            case LifecycleEvent.SubscribeSucceeded ignored -> {
                endedAgreements.remove(event.agreement().id());
                out.add(agreementEvent(event, "Purchase Agreement Created", details.created("NEW")));
                out.add(licenseEvent(event, "License Updated", details.license(), false));
            }
            case LifecycleEvent.EntitlementsChanged ignored -> {
                out.add(agreementEvent(event, "Purchase Agreement Amended", details.created("AMEND")));
                out.add(licenseEvent(event, "License Updated", details.license(), false));
            }
            case LifecycleEvent.UnsubscribePending ignored -> addEnd(event, details, out);
            case LifecycleEvent.Unsubscribed ignored -> addEnd(event, details, out);
            case LifecycleEvent.Subscribed ignored -> {}
            case LifecycleEvent.SubscribeFailed ignored -> {}
        }
        return out;
    }

    /** The event as EventBridge delivers it to an SQS target (the body is the event itself). */
    public static String toJson(AgreementEvent event, String id, String requestId, Instant time) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("requestId", requestId);
        detail.putAll(event.detail());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", "0");
        json.put("id", id);
        json.put("detail-type", event.detailType());
        json.put("source", SOURCE);
        json.put("account", event.account());
        json.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        json.put("region", "us-east-1");
        json.put("resources", List.of("arn:aws:aws-marketplace::aws:agreement:" + event.agreementId()));
        json.put("detail", detail);
        return JSON.writeValueAsString(json);
    }

    /** Sent once per cancellation, whether it started with unsubscribe-pending or went straight to done. */
    private void addEnd(LifecycleEvent event, AgreementEventDetails details, List<AgreementEvent> out) {
        if (endedAgreements.add(event.agreement().id())) {
            out.add(agreementEvent(event, "Purchase Agreement Ended", details.ended()));
            out.add(licenseEvent(event, "License Deprovisioned", details.license(), true));
        }
    }

    private static AgreementEvent agreementEvent(LifecycleEvent event, String name, Map<String, Object> detail) {
        Agreement agreement = event.agreement();
        String recipient = agreement.resellerAccountId() == null ? " - Proposer" : " - Manufacturer";
        return new AgreementEvent(name + recipient, event.product().sellerAccountId(), agreement.id(), detail, false);
    }

    private static AgreementEvent licenseEvent(
            LifecycleEvent event, String name, Map<String, Object> detail, boolean followsEnd) {
        return new AgreementEvent(
                name + " - Manufacturer",
                event.product().sellerAccountId(),
                event.agreement().id(),
                detail,
                followsEnd);
    }
}
