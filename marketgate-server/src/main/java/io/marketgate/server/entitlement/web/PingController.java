package io.marketgate.server.entitlement.web;

import io.marketgate.server.security.RequiresScope;
import io.marketgate.server.security.Scope;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/ping}: 204 when the key may read customers, and no other work. A cheap key check for
 * sellers' apps, and the baseline the access-check benchmark compares with (same filters, same scope).
 */
@RestController
@RequiresScope(Scope.CUSTOMERS_READ)
class PingController {

    @GetMapping("/v1/ping")
    ResponseEntity<Void> ping() {
        return ResponseEntity.noContent().build();
    }
}
