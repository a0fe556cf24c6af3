package io.marketgate.server.security.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.security.ApiKeys;
import io.marketgate.server.security.Scope;
import io.marketgate.server.security.Verification;
import io.marketgate.server.security.jdbc.JdbcApiKeys;
import io.marketgate.server.shared.jdbc.TestDatabase;
import io.marketgate.server.shared.jdbc.TimestampColumns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class DemoKeyFileTest {

    @TempDir
    Path folder;

    private TestDatabase database;
    private ApiKeys apiKeys;
    private Path file;

    @BeforeEach
    void open() {
        database = TestDatabase.sqlite(folder);
        apiKeys = new ApiKeys(
                new JdbcApiKeys(database.jdbcClient(), TimestampColumns.of(database.dataSource())), Clock.systemUTC());
        file = folder.resolve("data").resolve("demo-api-key");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theFirstStartWritesAnAdminKeyReadableByItsOwnerOnly(CapturedOutput output) throws Exception {
        new DemoKeyFile(apiKeys, file).ensure();

        String key = Files.readString(file).strip();
        assertThat(apiKeys.verify(key)).isInstanceOfSatisfying(Verification.Valid.class, valid -> assertThat(
                        valid.key().allows(Scope.ADMIN))
                .isTrue());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(output.getAll()).contains("demo-api-key").doesNotContain(key);
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void laterStartsKeepAValidKey() throws Exception {
        new DemoKeyFile(apiKeys, file).ensure();
        String first = Files.readString(file);

        new DemoKeyFile(apiKeys, file).ensure();

        assertThat(Files.readString(file)).isEqualTo(first);
        assertThat(apiKeys.list()).hasSize(1);
    }

    @Test
    void aRevokedOrForeignKeyInTheFileIsReplaced() throws Exception {
        new DemoKeyFile(apiKeys, file).ensure();
        String first = Files.readString(file).strip();
        apiKeys.revoke(apiKeys.list().getFirst().id());

        new DemoKeyFile(apiKeys, file).ensure();
        String second = Files.readString(file).strip();
        assertThat(second).isNotEqualTo(first);
        assertThat(apiKeys.verify(second)).isInstanceOf(Verification.Valid.class);

        Files.writeString(
                file, apiKeys.issue("reader", Set.of(Scope.CUSTOMERS_READ)).key());
        new DemoKeyFile(apiKeys, file).ensure();
        assertThat(apiKeys.verify(Files.readString(file).strip()))
                .isInstanceOfSatisfying(
                        Verification.Valid.class,
                        valid -> assertThat(valid.key().allows(Scope.ADMIN)).isTrue());
    }

    @Test
    void aKeptFileIsMadeOwnerOnlyAgain() throws Exception {
        new DemoKeyFile(apiKeys, file).ensure();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        new DemoKeyFile(apiKeys, file).ensure();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }
}
