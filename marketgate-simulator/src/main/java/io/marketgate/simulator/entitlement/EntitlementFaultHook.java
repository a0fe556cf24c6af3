package io.marketgate.simulator.entitlement;

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
    Optional<EntitlementApiError> faultFor(SimRequest request);
}
