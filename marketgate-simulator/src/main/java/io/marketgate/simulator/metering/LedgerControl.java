package io.marketgate.simulator.metering;

import io.marketgate.simulator.http.Router;
import io.marketgate.simulator.http.SimRequest;
import io.marketgate.simulator.http.SimResponse;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Control API over what the Metering API did: {@code GET /_sim/ledger} (filters productCode, customer,
 * licenseArn, dimension, region, from, to), {@code DELETE /_sim/ledger} (also forgets dedupe),
 * {@code GET /_sim/requests} (filter operation) and {@code DELETE /_sim/requests}.
 */
final class LedgerControl {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MeteringLedger ledger;
    private final RequestLog requestLog;

    LedgerControl(MeteringLedger ledger, RequestLog requestLog) {
        this.ledger = ledger;
        this.requestLog = requestLog;
    }

    void register(Router router) {
        router.get("/_sim/ledger", this::ledger);
        router.delete("/_sim/ledger", request -> {
            ledger.clear();
            return noContent();
        });
        router.get("/_sim/requests", this::requests);
        router.delete("/_sim/requests", request -> {
            requestLog.clear();
            return noContent();
        });
    }

    private SimResponse ledger(SimRequest request) {
        LedgerQuery query;
        try {
            query = LedgerQuery.fromParameters(request.query());
        } catch (IllegalArgumentException e) {
            ObjectNode problem = JSON.createObjectNode().put("error", e.getMessage());
            return json(400, problem);
        }
        List<LedgerEntry> entries = ledger.entries(query);
        ObjectNode body = JSON.createObjectNode();
        body.put(
                "totalQuantity",
                entries.stream().mapToLong(LedgerEntry::quantity).sum());
        body.set("entries", JSON.valueToTree(entries));
        return json(200, body);
    }

    private SimResponse requests(SimRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.set("requests", JSON.valueToTree(requestLog.entries(request.query().get("operation"))));
        return json(200, body);
    }

    private static SimResponse json(int status, JsonNode node) {
        return SimResponse.of(status, "application/json", JSON.writeValueAsBytes(node));
    }

    private static SimResponse noContent() {
        return new SimResponse(204, Map.of(), new byte[0]);
    }
}
