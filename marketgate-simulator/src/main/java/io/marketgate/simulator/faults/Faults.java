package io.marketgate.simulator.faults;

import io.marketgate.simulator.http.AwsErrors;
import io.marketgate.simulator.http.SimHandler;
import io.marketgate.simulator.http.SimResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Injected faults per operation ({@code BatchMeterUsage}, {@code ResolveCustomer}, {@code GetEntitlements},
 * ...). Every draw comes from a {@link Random} seeded from the simulator seed and the operation name, reset
 * whenever the operation's faults are set, so the same seed and the same calls give the same outcomes.
 */
public final class Faults {

    private final long seed;
    private final Map<String, Configured> byOperation = new ConcurrentHashMap<>();

    private record Configured(FaultSpec spec, Random random) {}

    public Faults(long seed) {
        this.seed = seed;
    }

    public void put(String operation, FaultSpec spec) {
        byOperation.put(operation, new Configured(spec, new Random(seed ^ operation.hashCode())));
    }

    public void remove(String operation) {
        byOperation.remove(operation);
    }

    public void clear() {
        byOperation.clear();
    }

    public FaultSpec spec(String operation) {
        Configured configured = byOperation.get(operation);
        return configured == null ? FaultSpec.NONE : configured.spec();
    }

    /** The configured faults, by operation name. */
    public Map<String, FaultSpec> all() {
        Map<String, FaultSpec> specs = new TreeMap<>();
        byOperation.forEach((operation, configured) -> specs.put(operation, configured.spec()));
        return specs;
    }

    /** Waits the configured latency, then draws this call's fate. Call once per request, before handling it. */
    public FaultDecision decide(String operation) throws InterruptedException {
        Configured configured = byOperation.get(operation);
        if (configured == null) {
            return new FaultDecision.Proceed();
        }
        FaultSpec spec = configured.spec();
        if (spec.latencyMs() > 0) {
            Thread.sleep(spec.latencyMs());
        }
        if (spec.disabled()) {
            return new FaultDecision.Disabled();
        }
        double draw;
        synchronized (configured.random()) {
            draw = configured.random().nextDouble() * 100;
        }
        if (draw < spec.throttlePercent()) {
            return new FaultDecision.Throttle();
        }
        if (draw < spec.throttlePercent() + spec.errorPercent()) {
            return new FaultDecision.InternalError();
        }
        if (draw < spec.throttlePercent() + spec.errorPercent() + spec.timeoutPercent()) {
            return new FaultDecision.Timeout(Duration.ofMillis(spec.timeoutMs()), spec.timeoutAfterProcessing());
        }
        return new FaultDecision.Proceed();
    }

    /** Whether one valid BatchMeterUsage record is left unprocessed; one draw per record. */
    public boolean leaveUnprocessed(String operation) {
        Configured configured = byOperation.get(operation);
        if (configured == null || configured.spec().unprocessedPercent() <= 0) {
            return false;
        }
        synchronized (configured.random()) {
            return configured.random().nextDouble() * 100 < configured.spec().unprocessedPercent();
        }
    }

    /**
     * The hook for awsJson operations (Metering, Entitlement): applies this operation's faults, then calls
     * {@code handler} unless a fault answers instead.
     */
    public SimHandler wrapAwsJson(String operation, SimHandler handler) {
        return request -> switch (decide(operation)) {
            case FaultDecision.Proceed proceed -> handler.handle(request);
            case FaultDecision.Throttle throttle -> throttling();
            case FaultDecision.InternalError error -> internalError();
            case FaultDecision.Disabled disabled -> disabledApi();
            case FaultDecision.Timeout timeout -> {
                if (timeout.afterProcessing()) {
                    handler.handle(request);
                }
                Thread.sleep(timeout.hold());
                yield SimResponse.dropConnection();
            }
        };
    }

    public static SimResponse throttling() {
        return AwsErrors.client("ThrottlingException", "Rate exceeded");
    }

    public static SimResponse disabledApi() {
        return AwsErrors.client("DisabledApiException", "The API is disabled in the Region.");
    }

    public static SimResponse internalError() {
        return AwsErrors.json(
                500, "InternalServiceErrorException", "An internal error has occurred. Retry your request.");
    }
}
