package io.marketgate.server.security;

import io.marketgate.server.security.jdbc.JdbcApiKeys;
import io.marketgate.server.security.jdbc.JdbcApiKeys.StoredKey;
import io.marketgate.server.shared.InvalidInputException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Issues, checks and revokes API keys. Every check reads the key's row (one primary-key lookup), so a
 * revocation takes effect at once, on every instance sharing the database.
 */
@Service
public class ApiKeys {

    /** A key's last use is recorded to this precision: at most one write per key and interval. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    static final int MAX_NAME_LENGTH = 100;

    private final JdbcApiKeys store;
    private final Clock clock;
    private final KeyFormat format = new KeyFormat(new SecureRandom());

    public ApiKeys(JdbcApiKeys store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Creates a key. The result holds the clear key, which is not stored and cannot be shown again.
     *
     * @throws InvalidInputException naming {@code name} or {@code scopes} when they are blank or empty
     */
    public IssuedKey issue(String name, Set<Scope> scopes) {
        validate(name, scopes);
        KeyFormat.Generated generated = format.generate();
        Instant now = clock.instant();
        if (!store.insertIfAbsent(generated.id(), name, scopes, KeyFormat.hash(generated.key()), now)) {
            throw new IllegalStateException("random key id collided: " + generated.id());
        }
        return new IssuedKey(generated.id(), generated.key(), name, scopes, now);
    }

    /**
     * Revokes a key at once; revoking a revoked key again changes nothing.
     *
     * @return false if no key has this id
     */
    public boolean revoke(String id) {
        return store.revoke(List.of(id), clock.instant()) == 1;
    }

    /** Revokes every key of {@code ids} that exists; unknown ids are ignored. Returns how many exist. */
    public int revokeAll(Collection<String> ids) {
        return store.revoke(ids, clock.instant());
    }

    /** Every key, revoked ones included, oldest first; never their secrets. */
    public List<ApiKey> list() {
        return store.list();
    }

    public Optional<ApiKey> byId(String id) {
        return store.find(id).map(StoredKey::key);
    }

    /**
     * Checks a presented key: its id must exist, be unrevoked, and its hash must match in constant time.
     * A valid key's last use is recorded, at most once per {@link #LAST_USED_PRECISION}.
     */
    public Verification verify(String presented) {
        Optional<StoredKey> stored = KeyFormat.idOf(presented).flatMap(store::find);
        if (stored.isEmpty()
                || stored.get().key().revokedAt() != null
                || !KeyFormat.matches(presented, stored.get().secretHash())) {
            return new Verification.Invalid();
        }
        ApiKey key = stored.get().key();
        Instant now = clock.instant();
        Instant notBefore = now.minus(LAST_USED_PRECISION);
        if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(notBefore)) {
            store.recordUse(key.id(), now, notBefore);
        }
        return new Verification.Valid(key);
    }

    /**
     * Stores a key whose clear value only its holder knows (the bootstrap key), given its id and the
     * SHA-256 hex of the whole key. Nothing changes if the id exists: a revoked bootstrap key stays revoked.
     *
     * @return whether it was stored now
     */
    public boolean registerHashed(String id, String name, Set<Scope> scopes, String sha256Hex) {
        return store.insertIfAbsent(id, name, scopes, sha256Hex, clock.instant());
    }

    private static void validate(String name, Set<Scope> scopes) {
        if (name == null || name.isBlank()) {
            throw InvalidInputException.of("name", "must not be blank");
        }
        if (name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw InvalidInputException.of(
                    "name", "must be at most " + MAX_NAME_LENGTH + " characters without control characters");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw InvalidInputException.of("scopes", "must list at least one of " + Scope.allValues());
        }
    }
}
