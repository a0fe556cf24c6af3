package io.marketgate.server.metering.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.marketgate.server.metering.UsageIngest;
import io.marketgate.server.metering.UsageOutcome;
import io.marketgate.server.security.RequiresScope;
import io.marketgate.server.security.Scope;
import java.util.ArrayList;
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
    Answer json(@RequestBody String body) {
        return answer(ingest.ingest(UsageJson.fromEnvelope(body)));
    }

    @PostMapping(path = "/v1/usage", consumes = "application/x-ndjson", produces = "application/json")
    Answer ndjson(@RequestBody String body) {
        return answer(ingest.ingest(UsageJson.fromNdjson(body)));
    }

    /** One event's outcome; records serialize much faster than a map per event. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(String id, String status, String reason) {}

    record Answer(List<Result> results, Map<String, Long> counts) {}

    private static Answer answer(List<UsageOutcome> outcomes) {
        long[] byStatus = new long[UsageOutcome.Status.values().length];
        List<Result> results = new ArrayList<>(outcomes.size());
        for (UsageOutcome outcome : outcomes) {
            byStatus[outcome.status().ordinal()]++;
            results.add(new Result(outcome.id(), outcome.status().value(), outcome.reason()));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (UsageOutcome.Status status : UsageOutcome.Status.values()) {
            counts.put(status.value(), byStatus[status.ordinal()]);
        }
        return new Answer(results, counts);
    }
}
