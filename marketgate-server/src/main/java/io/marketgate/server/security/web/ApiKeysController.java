package io.marketgate.server.security.web;

import io.marketgate.server.security.ApiKey;
import io.marketgate.server.security.ApiKeys;
import io.marketgate.server.security.IssuedKey;
import io.marketgate.server.security.RequiresScope;
import io.marketgate.server.security.Scope;
import io.marketgate.server.shared.InvalidInputException;
import io.marketgate.server.shared.MarketgateException;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/api-keys}: create (the clear key is in that answer only), list (never the key), revoke. */
@RestController
@RequestMapping("/v1/api-keys")
@RequiresScope(Scope.ADMIN)
class ApiKeysController {

    private final ApiKeys apiKeys;

    ApiKeysController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    record CreateKey(String name, List<String> scopes) {}

    record Created(String id, String key, String name, List<String> scopes, Instant createdAt) {}

    record Listed(
            String id, String name, List<String> scopes, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}

    record Keys(List<Listed> keys) {}

    @PostMapping
    ResponseEntity<Created> create(@RequestBody CreateKey request) {
        IssuedKey issued = apiKeys.issue(request.name(), scopes(request.scopes()));
        return ResponseEntity.created(URI.create("/v1/api-keys/" + issued.id()))
                .body(new Created(
                        issued.id(), issued.key(), issued.name(), values(issued.scopes()), issued.createdAt()));
    }

    @GetMapping
    Keys list() {
        return new Keys(apiKeys.list().stream().map(ApiKeysController::listed).toList());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        if (!apiKeys.revoke(id)) {
            throw MarketgateException.notFound("No API key with id " + id + ".");
        }
        return ResponseEntity.noContent().build();
    }

    private static Set<Scope> scopes(List<String> values) {
        if (values == null || values.isEmpty()) {
            throw InvalidInputException.of("scopes", "must list at least one of " + Scope.allValues());
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (int i = 0; i < values.size(); i++) {
            int index = i;
            scopes.add(Scope.fromValue(values.get(i))
                    .orElseThrow(() ->
                            InvalidInputException.of("scopes[" + index + "]", "must be one of " + Scope.allValues())));
        }
        return scopes;
    }

    private static List<String> values(Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::value).toList();
    }

    private static Listed listed(ApiKey key) {
        return new Listed(
                key.id(), key.name(), values(key.scopes()), key.createdAt(), key.lastUsedAt(), key.revokedAt());
    }
}
