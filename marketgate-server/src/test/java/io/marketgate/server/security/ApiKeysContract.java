package io.marketgate.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.server.security.jdbc.JdbcApiKeys;
import io.marketgate.server.shared.InvalidInputException;
import io.marketgate.server.shared.MutableClock;
import io.marketgate.server.shared.jdbc.TestDatabase;
import io.marketgate.server.shared.jdbc.TimestampColumns;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API keys on each database: hashing at rest, verification, revocation, last use. */
abstract class ApiKeysContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private TestDatabase database;
    private ApiKeys apiKeys;

    protected abstract TestDatabase openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        apiKeys = newInstance();
    }

    /** Another Marketgate instance on the same database. */
    private ApiKeys newInstance() {
        return new ApiKeys(new JdbcApiKeys(database.jdbcClient(), TimestampColumns.of(database.dataSource())), clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anIssuedKeyVerifiesWithItsScopes() {
        IssuedKey issued = apiKeys.issue("billing app", Set.of(Scope.USAGE_WRITE, Scope.CUSTOMERS_READ));

        assertThat(issued.key()).startsWith("mg_").hasSizeGreaterThan(50);
        assertThat(issued.id()).startsWith("key_");
        assertThat(apiKeys.verify(issued.key())).isInstanceOfSatisfying(Verification.Valid.class, valid -> {
            assertThat(valid.key().id()).isEqualTo(issued.id());
            assertThat(valid.key().scopes()).containsExactlyInAnyOrder(Scope.USAGE_WRITE, Scope.CUSTOMERS_READ);
            assertThat(valid.key().allows(Scope.CUSTOMERS_READ)).isTrue();
            assertThat(valid.key().allows(Scope.WEBHOOKS_MANAGE)).isFalse();
        });
    }

    @Test
    void theDatabaseHoldsOnlyTheSha256OfTheKey() {
        IssuedKey issued = apiKeys.issue("billing app", Set.of(Scope.ADMIN));
        // mg_<16-character id>_<secret>: the secret may itself hold '_', so cut after the id, not at the last '_'.
        String secret = issued.key().substring("mg_".length() + 16 + 1);
        assertThat(secret).hasSize(43);

        Map<String, Object> row = database.jdbcClient()
                .sql("SELECT * FROM api_key WHERE id = :id")
                .param("id", issued.id())
                .query()
                .singleRow();

        assertThat(row.values())
                .noneSatisfy(value -> assertThat(String.valueOf(value)).contains(secret));
        assertThat(row.get("secret_hash")).isEqualTo(KeyFormat.hash(issued.key()));
        assertThat(row.get("secret_hash").toString()).hasSize(64).doesNotContain(issued.key());
    }

    @Test
    void aWrongSecretWithAKnownIdIsInvalid() {
        IssuedKey issued = apiKeys.issue("billing app", Set.of(Scope.ADMIN));
        String tampered = issued.key().substring(0, issued.key().length() - 1)
                + (issued.key().endsWith("A") ? "B" : "A");

        assertThat(apiKeys.verify(tampered)).isInstanceOf(Verification.Invalid.class);
    }

    @Test
    void malformedAndUnknownKeysAreInvalid() {
        assertThat(apiKeys.verify("")).isInstanceOf(Verification.Invalid.class);
        assertThat(apiKeys.verify("not a key")).isInstanceOf(Verification.Invalid.class);
        assertThat(apiKeys.verify("mg_abcdefghij234567_" + "A".repeat(43))).isInstanceOf(Verification.Invalid.class);
        assertThat(apiKeys.verify("mg_abcdefghij234567_" + "A".repeat(5000))).isInstanceOf(Verification.Invalid.class);
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnceOnEveryInstance() {
        ApiKeys otherInstance = newInstance();
        IssuedKey issued = apiKeys.issue("billing app", Set.of(Scope.ADMIN));
        assertThat(otherInstance.verify(issued.key())).isInstanceOf(Verification.Valid.class);

        assertThat(apiKeys.revoke(issued.id())).isTrue();

        assertThat(otherInstance.verify(issued.key())).isInstanceOf(Verification.Invalid.class);
        assertThat(apiKeys.verify(issued.key())).isInstanceOf(Verification.Invalid.class);
        assertThat(apiKeys.byId(issued.id()).orElseThrow().revokedAt()).isEqualTo(clock.instant());
    }

    @Test
    void revokingTwiceKeepsTheFirstTimeAndAnUnknownIdIsReported() {
        IssuedKey issued = apiKeys.issue("billing app", Set.of(Scope.ADMIN));
        Instant first = clock.instant();
        apiKeys.revoke(issued.id());
        clock.advance(Duration.ofHours(1));

        assertThat(apiKeys.revoke(issued.id())).isTrue();
        assertThat(apiKeys.byId(issued.id()).orElseThrow().revokedAt()).isEqualTo(first);
        assertThat(apiKeys.revoke("key_doesnotexist23456")).isFalse();
        assertThat(apiKeys.revokeAll(java.util.List.of(issued.id(), "key_doesnotexist23456")))
                .isEqualTo(1);
    }

    @Test
    void lastUseIsRecordedAtMostOncePerMinute() {
        IssuedKey issued = apiKeys.issue("billing app", Set.of(Scope.ADMIN));
        assertThat(apiKeys.byId(issued.id()).orElseThrow().lastUsedAt()).isNull();
        Instant firstUse = clock.instant();

        apiKeys.verify(issued.key());
        clock.advance(Duration.ofSeconds(59));
        apiKeys.verify(issued.key());
        assertThat(apiKeys.byId(issued.id()).orElseThrow().lastUsedAt()).isEqualTo(firstUse);

        clock.advance(Duration.ofSeconds(2));
        apiKeys.verify(issued.key());
        assertThat(apiKeys.byId(issued.id()).orElseThrow().lastUsedAt()).isEqualTo(clock.instant());
    }

    @Test
    void aFailedVerificationRecordsNoUse() {
        IssuedKey issued = apiKeys.issue("billing app", Set.of(Scope.ADMIN));
        apiKeys.verify(issued.key().substring(0, issued.key().length() - 2) + "zz");

        assertThat(apiKeys.byId(issued.id()).orElseThrow().lastUsedAt()).isNull();
    }

    @Test
    void aHashedBootstrapKeyIsStoredOnceAndStaysRevoked() {
        String key = "mg_bootstrapkey2345_" + "S".repeat(43);
        String id = "key_bootstrapkey2345";

        assertThat(apiKeys.registerHashed(id, "bootstrap", Set.of(Scope.ADMIN), KeyFormat.hash(key)))
                .isTrue();
        assertThat(apiKeys.verify(key)).isInstanceOf(Verification.Valid.class);
        apiKeys.revoke(id);

        assertThat(apiKeys.registerHashed(id, "bootstrap", Set.of(Scope.ADMIN), KeyFormat.hash(key)))
                .isFalse();
        assertThat(apiKeys.verify(key)).isInstanceOf(Verification.Invalid.class);
    }

    @Test
    void theListShowsEveryKeyOldestFirst() {
        IssuedKey first = apiKeys.issue("first", Set.of(Scope.ADMIN));
        clock.advance(Duration.ofSeconds(1));
        IssuedKey second = apiKeys.issue("second", Set.of(Scope.CUSTOMERS_READ));
        apiKeys.revoke(first.id());

        assertThat(apiKeys.list()).extracting(ApiKey::id).containsExactly(first.id(), second.id());
        assertThat(apiKeys.list().get(0).revokedAt()).isNotNull();
    }

    @Test
    void aKeyNeedsANameAndAScope() {
        assertThatThrownBy(() -> apiKeys.issue(" ", Set.of(Scope.ADMIN)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .singleElement()
                        .extracting(InvalidInputException.FieldError::field)
                        .isEqualTo("name"));
        assertThatThrownBy(() -> apiKeys.issue("app", Set.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .singleElement()
                        .extracting(InvalidInputException.FieldError::field)
                        .isEqualTo("scopes"));
    }
}
