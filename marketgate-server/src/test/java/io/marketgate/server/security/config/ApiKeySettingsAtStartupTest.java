package io.marketgate.server.security.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.MarketgateApplication;
import io.marketgate.server.TestDataFolder;
import io.marketgate.server.security.ApiKeys;
import io.marketgate.server.security.Scope;
import io.marketgate.server.security.Verification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The bootstrap key and the revocation list, applied at startup, across two starts on one database as an
 * operator would do it: create the first key from its hash, later revoke keys by configuration.
 */
class ApiKeySettingsAtStartupTest {

    private static final String BOOTSTRAP_KEY = "mg_firstkey2345abcd_" + "Zq9-".repeat(11);
    private static final String BOOTSTRAP_ID = "key_firstkey2345abcd";

    @Test
    void theBootstrapKeyWorksAndRevokedKeysStopAtTheNextStart() throws Exception {
        Path database = TestDataFolder.fresh().resolve("marketgate.db");
        String bootstrap = "--marketgate.security.bootstrap-key.id=" + BOOTSTRAP_ID;
        String hash = "--marketgate.security.bootstrap-key.sha256=" + sha256(BOOTSTRAP_KEY);
        String other;

        try (ConfigurableApplicationContext first = start(database, bootstrap, hash)) {
            ApiKeys apiKeys = first.getBean(ApiKeys.class);
            assertThat(apiKeys.verify(BOOTSTRAP_KEY)).isInstanceOfSatisfying(Verification.Valid.class, valid -> {
                assertThat(valid.key().id()).isEqualTo(BOOTSTRAP_ID);
                assertThat(valid.key().allows(Scope.ADMIN)).isTrue();
            });
            other = apiKeys.issue("app", Set.of(Scope.USAGE_WRITE)).key();
        }

        String revoked = "--marketgate.security.revoked-keys=" + BOOTSTRAP_ID + ","
                + other.substring(0, 19).replace("mg_", "key_");
        try (ConfigurableApplicationContext second = start(database, bootstrap, hash, revoked)) {
            ApiKeys apiKeys = second.getBean(ApiKeys.class);
            assertThat(apiKeys.verify(BOOTSTRAP_KEY)).isInstanceOf(Verification.Invalid.class);
            assertThat(apiKeys.verify(other)).isInstanceOf(Verification.Invalid.class);
        }
    }

    private static ConfigurableApplicationContext start(Path database, String... arguments) {
        String[] all = new String[arguments.length + 2];
        all[0] = "--server.port=0";
        all[1] = "--marketgate.database.sqlite-path=" + database;
        System.arraycopy(arguments, 0, all, 2, arguments.length);
        return new SpringApplicationBuilder(MarketgateApplication.class).run(all);
    }

    private static String sha256(String key) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
