package io.marketgate.server.security.jdbc;

import io.marketgate.server.security.ApiKey;
import io.marketgate.server.security.Scope;
import io.marketgate.server.shared.jdbc.TimestampColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_key} table, the same SQL on SQLite and PostgreSQL. Holds hashes, never clear keys. */
@Repository
public class JdbcApiKeys {

    private static final String COLUMNS = "id, name, scopes, secret_hash, created_at, last_used_at, revoked_at";

    private final JdbcClient jdbc;
    private final TimestampColumns timestamps;

    public JdbcApiKeys(JdbcClient jdbc, TimestampColumns timestamps) {
        this.jdbc = jdbc;
        this.timestamps = timestamps;
    }

    /** A key with its stored hash. */
    public record StoredKey(ApiKey key, String secretHash) {}

    /**
     * Stores a key unless one with the same id exists (the primary key decides, so concurrent starts of
     * several instances with the same bootstrap key store it once).
     *
     * @return whether this call stored it
     */
    public boolean insertIfAbsent(String id, String name, Set<Scope> scopes, String secretHash, Instant createdAt) {
        return jdbc.sql("INSERT INTO api_key (id, name, scopes, secret_hash, created_at)"
                                + " VALUES (:id, :name, :scopes, :hash, :createdAt) ON CONFLICT (id) DO NOTHING")
                        .param("id", id)
                        .param("name", name)
                        .param(
                                "scopes",
                                scopes.stream().map(Scope::value).sorted().collect(Collectors.joining(" ")))
                        .param("hash", secretHash)
                        .param("createdAt", timestamps.bind(createdAt))
                        .update()
                == 1;
    }

    public Optional<StoredKey> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE id = :id")
                .param("id", id)
                .query((row, n) -> new StoredKey(key(row), row.getString("secret_hash")))
                .optional();
    }

    /** Every key, revoked ones included, oldest first. */
    public List<ApiKey> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key ORDER BY created_at, id")
                .query((row, n) -> key(row))
                .list();
    }

    /**
     * Marks keys revoked at {@code at}; an already revoked key keeps its first revocation time.
     *
     * @return how many of the ids exist
     */
    public int revoke(Collection<String> ids, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE api_key SET revoked_at = COALESCE(revoked_at, :at) WHERE id IN (:ids)")
                .param("at", timestamps.bind(at))
                .param("ids", List.copyOf(ids))
                .update();
    }

    /**
     * Records a use at {@code at} unless one at or after {@code notBefore} is recorded already: the WHERE
     * keeps this to one write per key and interval, across instances too.
     */
    public void recordUse(String id, Instant at, Instant notBefore) {
        jdbc.sql("UPDATE api_key SET last_used_at = :at"
                        + " WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :notBefore)")
                .param("at", timestamps.bind(at))
                .param("id", id)
                .param("notBefore", timestamps.bind(notBefore))
                .update();
    }

    private ApiKey key(ResultSet row) throws SQLException {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream(row.getString("scopes").split(" "))
                .map(Scope::fromValue)
                .flatMap(Optional::stream)
                .forEach(scopes::add);
        return new ApiKey(
                row.getString("id"),
                row.getString("name"),
                scopes,
                timestamps.read(row, "created_at"),
                timestamps.read(row, "last_used_at"),
                timestamps.read(row, "revoked_at"));
    }
}
