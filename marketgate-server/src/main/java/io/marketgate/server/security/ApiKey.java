package io.marketgate.server.security;

import java.time.Instant;
import java.util.Set;

/**
 * A stored API key, without its secret.
 *
 * @param lastUsedAt when it last authenticated a request, to within about a minute; null if never
 * @param revokedAt when it was revoked; null while it works
 */
public record ApiKey(
        String id, String name, Set<Scope> scopes, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public ApiKey {
        scopes = Set.copyOf(scopes);
    }

    /** Whether the key may call an endpoint that requires {@code required}. */
    public boolean allows(Scope required) {
        return revokedAt == null && scopes.stream().anyMatch(scope -> scope.grants(required));
    }
}
