package io.marketgate.simulator.entitlement;

import io.marketgate.simulator.faults.FaultDecision;
import io.marketgate.simulator.faults.Faults;
import io.marketgate.simulator.http.SimRequest;
import java.util.Optional;

/**
 * Lets injected faults (throttling, internal errors) replace a GetEntitlements answer. The simulator's
 * fault injection lives elsewhere; this is the one place the Entitlement API consults it.
 */
@FunctionalInterface
public interface EntitlementFaultHook {

    /** No faults: every request is answered from the simulator's state. */
    EntitlementFaultHook NONE = request -> Optional.empty();

    /**
     * The error to answer instead of the real result, or empty to answer normally. Called once per request,
     * before the request body is validated, as AWS throttles before it looks at parameters.
     */
    Optional<EntitlementApiError> faultFor(SimRequest request) throws InterruptedException;

    /**
     * Faults configured for the {@code GetEntitlements} operation. GetEntitlements models no
     * DisabledApiException, so "disabled" answers an internal error; a timeout holds the request, then
     * answers an internal error the caller has usually stopped waiting for.
     */
    static EntitlementFaultHook from(Faults faults) {
        return request -> switch (faults.decide("GetEntitlements")) {
            case FaultDecision.Proceed proceed -> Optional.empty();
            case FaultDecision.Throttle throttle ->
                Optional.of(new EntitlementApiError(EntitlementApiError.Type.THROTTLING, "Rate exceeded"));
            case FaultDecision.InternalError error -> Optional.of(internalError());
            case FaultDecision.Disabled disabled -> Optional.of(internalError());
            case FaultDecision.Timeout timeout -> {
                Thread.sleep(timeout.hold());
                yield Optional.of(internalError());
            }
        };
    }

    private static EntitlementApiError internalError() {
        return new EntitlementApiError(
                EntitlementApiError.Type.INTERNAL_SERVICE_ERROR, "An internal error has occurred. Retry your request.");
    }
}
