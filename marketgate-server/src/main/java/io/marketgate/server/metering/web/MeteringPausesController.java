package io.marketgate.server.metering.web;

import io.marketgate.server.metering.MeteringPause;
import io.marketgate.server.metering.MeteringPauses;
import io.marketgate.server.security.RequiresScope;
import io.marketgate.server.security.Scope;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/metering/pauses} and {@code DELETE /v1/metering/pauses/{product}}: which products' sending
 * is paused (DisabledApiException), and lifting a pause once BatchMeterUsage is enabled again.
 */
@RestController
@RequiresScope(Scope.ADMIN)
class MeteringPausesController {

    private final MeteringPauses pauses;

    MeteringPausesController(MeteringPauses pauses) {
        this.pauses = pauses;
    }

    @GetMapping(path = "/v1/metering/pauses", produces = "application/json")
    MeteringPauses.Report pauses() {
        return pauses.report();
    }

    @DeleteMapping(path = "/v1/metering/pauses/{product}", produces = "application/json")
    MeteringPause lift(@PathVariable String product) {
        return pauses.lift(product);
    }
}
