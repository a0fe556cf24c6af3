package io.marketgate.server.metering.web;

import io.marketgate.server.metering.UsageIngest;
import io.marketgate.server.metering.UsageOutcome;
import io.marketgate.server.security.RequiresScope;
import io.marketgate.server.security.Scope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/usage}: usage events as {@code {"events": [...]}} (JSON) or one event per line
 * ({@code application/x-ndjson}, for backfills); up to 10,000 per request. The answer lists every event's
 * outcome in request order, after the accepted ones are committed.
 */
@RestController
@RequiresScope(Scope.USAGE_WRITE)
class UsageController {

    private final UsageIngest ingest;

    UsageController(UsageIngest ingest) {
        this.ingest = ingest;
    }

    @PostMapping(path = "/v1/usage", consumes = "application/json", produces = "application/json")
    Map<String, Object> json(@RequestBody String body) {
        return answer(ingest.ingest(UsageJson.fromEnvelope(body)));
    }

    @PostMapping(path = "/v1/usage", consumes = "application/x-ndjson", produces = "application/json")
    Map<String, Object> ndjson(@RequestBody String body) {
        return answer(ingest.ingest(UsageJson.fromNdjson(body)));
    }

    private static Map<String, Object> answer(List<UsageOutcome> outcomes) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (UsageOutcome.Status status : UsageOutcome.Status.values()) {
            counts.put(
                    status.value(),
                    outcomes.stream().filter(o -> o.status() == status).count());
        }
        List<Map<String, Object>> results = outcomes.stream()
                .map(outcome -> {
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("id", outcome.id());
                    result.put("status", outcome.status().value());
                    if (outcome.reason() != null) {
                        result.put("reason", outcome.reason());
                    }
                    return result;
                })
                .toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("results", results);
        answer.put("counts", counts);
        return answer;
    }
}
