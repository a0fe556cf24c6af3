package io.marketgate.simulator.metering;

import io.marketgate.simulator.faults.Faults;
import io.marketgate.simulator.http.AwsErrors;
import io.marketgate.simulator.http.SimResponse;
import io.marketgate.simulator.sigv4.Caller;
import io.marketgate.simulator.state.SimState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code AWSMPMeteringService.BatchMeterUsage}: whole-call checks first (nothing is recorded if any fails),
 * then each record is left unprocessed (injected fault), CustomerNotSubscribed, a Success (new or an
 * identical resend) or a DuplicateRecord (same key, other quantity; the original stands).
 */
final class BatchMeterUsageHandler {

    static final String OPERATION = "BatchMeterUsage";

    private final SimState state;
    private final MeteringLedger ledger;
    private final Faults faults;

    BatchMeterUsageHandler(SimState state, MeteringLedger ledger, Faults faults) {
        this.state = state;
        this.ledger = ledger;
        this.faults = faults;
    }

    MeteringReply handle(byte[] body, Caller caller) {
        BatchMeterUsageRequest request = BatchMeterUsageParser.parse(body);
        Instant now = state.clock().instant();
        List<ResolvedRecord> records = new RecordResolver(state, caller, now).resolve(request);
        ObjectNode response = BatchMeterUsageParser.JSON.createObjectNode();
        ArrayNode results = response.putArray("Results");
        ArrayNode unprocessed = response.putArray("UnprocessedRecords");
        List<String> statuses = new ArrayList<>();
        for (ResolvedRecord record : records) {
            if (faults.leaveUnprocessed(OPERATION)) {
                unprocessed.add(record.input().original());
                continue;
            }
            ObjectNode result = meter(record, caller, now);
            statuses.add(result.get("Status").stringValue());
            results.add(result);
        }
        SimResponse ok =
                SimResponse.of(200, AwsErrors.AWS_JSON, BatchMeterUsageParser.JSON.writeValueAsBytes(response));
        return new MeteringReply(ok, statuses, unprocessed.size());
    }

    private ObjectNode meter(ResolvedRecord record, Caller caller, Instant now) {
        ObjectNode result = BatchMeterUsageParser.JSON.createObjectNode();
        result.set("UsageRecord", record.input().original());
        if (record.agreement() == null
                || !state.acceptsMetering(record.agreement(), now)
                || UsageBeforeActivation.refuses(record.input().timestamp(), record.agreement())) {
            result.put("Status", "CustomerNotSubscribed");
            return result;
        }
        UsageRecordInput input = record.input();
        MeteringLedger.Outcome outcome = ledger.offer(record.key(), input.quantity(), () -> entry(record, caller, now));
        switch (outcome) {
            case MeteringLedger.Outcome.Recorded recorded -> succeed(result, recorded.entry());
            case MeteringLedger.Outcome.SameRecord same -> succeed(result, same.entry());
            case MeteringLedger.Outcome.Conflict conflict -> result.put("Status", "DuplicateRecord");
        }
        return result;
    }

    private static void succeed(ObjectNode result, LedgerEntry entry) {
        result.put("MeteringRecordId", entry.meteringRecordId());
        result.put("Status", "Success");
    }

    private LedgerEntry entry(ResolvedRecord record, Caller caller, Instant now) {
        UsageRecordInput input = record.input();
        String account = input.customerAwsAccountId() != null ? input.customerAwsAccountId() : record.buyerAccountId();
        return new LedgerEntry(
                state.ids().uuid(),
                caller.region(),
                caller.accountId(),
                record.product().code(),
                input.customerIdentifier(),
                account,
                input.licenseArn(),
                input.dimension(),
                input.timestamp().truncatedTo(ChronoUnit.HOURS),
                input.timestamp(),
                input.quantity(),
                input.allocations(),
                now,
                record.key().keyedBy().name());
    }
}
