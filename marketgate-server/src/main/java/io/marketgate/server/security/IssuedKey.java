package io.marketgate.server.security;

import java.time.Instant;
import java.util.Set;

/**
 * A new API key, the only time its clear value exists: it is shown once and stored only as a hash.
 *
 * @param id the key's id (also embedded in the key), used to list and revoke it
 * @param key the clear key for {@code Authorization: Bearer}
 */
public record IssuedKey(String id, String key, String name, Set<Scope> scopes, Instant createdAt) {

    public IssuedKey {
        scopes = Set.copyOf(scopes);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "IssuedKey[id=" + id + ", name=" + name + ", scopes=" + scopes + "]";
    }
}
