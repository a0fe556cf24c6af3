package io.marketgate.simulator.faults;

import java.time.Duration;

/** What the fault injector decided for one call, before the real handling. */
public sealed interface FaultDecision {

    record Proceed() implements FaultDecision {}

    record Throttle() implements FaultDecision {}

    record InternalError() implements FaultDecision {}

    record Disabled() implements FaultDecision {}

    /**
     * Hold the connection for {@code hold}, then close it without an answer.
     *
     * @param afterProcessing handle the request first, so its effects happen but the caller never learns them
     */
    record Timeout(Duration hold, boolean afterProcessing) implements FaultDecision {}
}
