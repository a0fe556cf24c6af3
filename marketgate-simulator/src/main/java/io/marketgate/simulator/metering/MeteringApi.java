package io.marketgate.simulator.metering;

import io.marketgate.simulator.faults.FaultDecision;
import io.marketgate.simulator.faults.Faults;
import io.marketgate.simulator.http.Router;
import io.marketgate.simulator.http.SimRequest;
import io.marketgate.simulator.http.SimResponse;
import io.marketgate.simulator.sigv4.Caller;
import io.marketgate.simulator.sigv4.SigV4;
import io.marketgate.simulator.state.SimState;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The AWS Marketplace Metering Service at the wire (awsJson 1.1, {@code X-Amz-Target: AWSMPMeteringService.*}):
 * ResolveCustomer and BatchMeterUsage. Every call passes, in order: the strict-mode signature check, injected
 * faults, the BatchMeterUsage quota per account and region, then the operation; every answer is logged.
 */
public final class MeteringApi {

    public static final String TARGET_PREFIX = "AWSMPMeteringService.";

    private final SimState state;
    private final SigV4 sigV4;
    private final Faults faults;
    private final QuotaLimiter quota;
    private final MeteringLedger ledger = new MeteringLedger();
    private final RequestLog requestLog = new RequestLog();
    private final ResolveCustomerHandler resolveCustomer;
    private final BatchMeterUsageHandler batchMeterUsage;

    @FunctionalInterface
    private interface Operation {
        MeteringReply handle(byte[] body, Caller caller);
    }

    /**
     * @param requestsPerSecond BatchMeterUsage quota per account and region (AWS: 10); 0 disables it
     * @param quotaClock the clock the quota's one-second window runs on (the builder's base clock)
     */
    public MeteringApi(SimState state, SigV4 sigV4, Faults faults, int requestsPerSecond, Clock quotaClock) {
        this.state = state;
        this.sigV4 = sigV4;
        this.faults = faults;
        this.quota = new QuotaLimiter(requestsPerSecond, quotaClock);
        this.resolveCustomer = new ResolveCustomerHandler(state);
        this.batchMeterUsage = new BatchMeterUsageHandler(state, ledger, faults);
    }

    public void register(Router router) {
        router.awsJson(
                TARGET_PREFIX + ResolveCustomerHandler.OPERATION,
                request -> call(ResolveCustomerHandler.OPERATION, request, resolveCustomer::handle));
        router.awsJson(
                TARGET_PREFIX + BatchMeterUsageHandler.OPERATION,
                request -> call(BatchMeterUsageHandler.OPERATION, request, batchMeterUsage::handle));
        new LedgerControl(ledger, requestLog).register(router);
    }

    public MeteringLedger ledger() {
        return ledger;
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    private SimResponse call(String operation, SimRequest request, Operation handler) throws InterruptedException {
        Caller caller = sigV4.caller(request);
        Instant receivedAt = state.clock().instant();
        long sequence = requestLog.nextSequence();
        MeteringReply reply = answer(operation, request, caller, handler);
        SimResponse response = reply.response();
        requestLog.add(new RequestLogEntry(
                sequence,
                operation,
                receivedAt,
                caller.accountId(),
                caller.region(),
                response.status(),
                errorType(response),
                errorMessage(response),
                reply.recordStatuses(),
                reply.unprocessedRecords()));
        return response;
    }

    private MeteringReply answer(String operation, SimRequest request, Caller caller, Operation handler)
            throws InterruptedException {
        Optional<SimResponse> refused = sigV4.checkAwsJson(request, SigV4.METERING_REGIONS);
        if (refused.isPresent()) {
            return MeteringReply.of(refused.get());
        }
        return switch (faults.decide(operation)) {
            case FaultDecision.Proceed proceed -> withinQuota(operation, request, caller, handler);
            case FaultDecision.Throttle throttle -> MeteringReply.of(Faults.throttling());
            case FaultDecision.InternalError error -> MeteringReply.of(Faults.internalError());
            case FaultDecision.Disabled disabled -> MeteringReply.of(Faults.disabledApi());
            case FaultDecision.Timeout timeout -> {
                MeteringReply processed =
                        timeout.afterProcessing() ? withinQuota(operation, request, caller, handler) : null;
                Thread.sleep(timeout.hold());
                yield new MeteringReply(
                        SimResponse.dropConnection(), processed == null ? List.of() : processed.recordStatuses(), 0);
            }
        };
    }

    private MeteringReply withinQuota(String operation, SimRequest request, Caller caller, Operation handler) {
        boolean quotaApplies = BatchMeterUsageHandler.OPERATION.equals(operation);
        if (quotaApplies && !quota.tryAcquire(caller.accountId() + "/" + caller.region())) {
            return MeteringReply.of(Faults.throttling());
        }
        try {
            return handler.handle(request.body(), caller);
        } catch (MeteringException e) {
            return MeteringReply.of(e.toResponse());
        }
    }

    private static String errorType(SimResponse response) {
        if (response.dropsConnection()) {
            return "ConnectionClosed";
        }
        return response.headers().get("x-amzn-ErrorType");
    }

    private static String errorMessage(SimResponse response) {
        if (response.status() < 300) {
            return null;
        }
        try {
            return BatchMeterUsageParser.JSON
                    .readTree(response.body())
                    .path("message")
                    .asString(null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
