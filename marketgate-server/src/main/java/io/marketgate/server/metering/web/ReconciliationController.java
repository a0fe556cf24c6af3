package io.marketgate.server.metering.web;

import io.marketgate.server.metering.Reconciliation;
import io.marketgate.server.security.RequiresScope;
import io.marketgate.server.security.Scope;
import io.marketgate.server.shared.InvalidInputException;
import java.time.DateTimeException;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/metering/reconciliation?from=&to=}: the metering books per hour, customer and dimension. */
@RestController
@RequiresScope(Scope.CUSTOMERS_READ)
class ReconciliationController {

    private final Reconciliation reconciliation;

    ReconciliationController(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GetMapping(path = "/v1/metering/reconciliation", produces = "application/json")
    Reconciliation.Report report(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return reconciliation.report(instant("from", from), instant("to", to));
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, "required, an ISO-8601 instant such as 2026-03-01T00:00:00Z");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw InvalidInputException.of(field, "not an ISO-8601 instant such as 2026-03-01T00:00:00Z");
        }
    }
}
