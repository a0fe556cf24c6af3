package io.marketgate.server.webhook;

import io.marketgate.server.product.Catalog;
import io.marketgate.server.shared.ErrorCategory;
import io.marketgate.server.shared.InvalidConfigurationException;
import io.marketgate.server.shared.MarketgateException;
import io.marketgate.server.shared.jdbc.DatabaseProperties;
import io.marketgate.server.shared.jdbc.DatabaseVendor;
import io.marketgate.server.shared.jdbc.TimestampColumns;
import io.marketgate.server.webhook.config.WebhookProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires webhook delivery. The demo (no product configured) allows http and loopback receivers and keeps a
 * generated encryption key in its data folder; a configured deployment gets none of that.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    static final String DEMO_KEY_FILE = "webhook-encryption-key";

    @Bean
    JdbcWebhookStore webhookStore(JdbcClient jdbc, TimestampColumns timestamps, DataSource dataSource) {
        return new JdbcWebhookStore(jdbc, timestamps, DatabaseVendor.of(dataSource) == DatabaseVendor.POSTGRESQL);
    }

    @Bean
    UrlPolicy webhookUrlPolicy(WebhookProperties properties, Catalog catalog) {
        return new UrlPolicy(
                properties.allowPrivateAddresses(), catalog.isDemo(), properties.allowHttp() || catalog.isDemo());
    }

    @Bean
    Supplier<SecretBox> webhookSecretBox(WebhookProperties properties, Catalog catalog, DatabaseProperties database) {
        return secretBox(properties, catalog, database);
    }

    @Bean
    Webhooks webhooks(
            JdbcWebhookStore store,
            Supplier<SecretBox> secretBox,
            UrlPolicy urls,
            Outbox outbox,
            Clock clock,
            WebhookProperties properties) {
        return new Webhooks(store, secretBox, urls, outbox, clock, properties.secretOverlap());
    }

    @Bean(destroyMethod = "close")
    HttpWebhookSender webhookSender(UrlPolicy urls, WebhookProperties properties) {
        return new HttpWebhookSender(urls, properties.timeout());
    }

    @Bean
    WebhookDispatcher webhookDispatcher(
            JdbcWebhookStore store,
            HttpWebhookSender sender,
            Outbox outbox,
            TransactionTemplate transactions,
            Supplier<SecretBox> secretBox,
            WebhookProperties properties,
            Clock clock,
            JsonMapper json,
            MeterRegistry meters) {
        return new WebhookDispatcher(store, secretBox, sender, outbox, transactions, properties, clock, json, meters);
    }

    /**
     * The configured key; in the demo a generated one kept in the data folder. Resolved when first needed,
     * so a deployment without webhooks needs no key, and one that creates an endpoint without it gets a
     * clear answer.
     */
    static Supplier<SecretBox> secretBox(WebhookProperties properties, Catalog catalog, DatabaseProperties database) {
        if (properties.encryptionKey() != null && !properties.encryptionKey().isBlank()) {
            SecretBox box;
            try {
                box = SecretBox.ofBase64(properties.encryptionKey());
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException(
                        "marketgate.webhooks.encryption-key",
                        e.getMessage(),
                        "set it to the base64 of 32 random bytes, e.g. the output of `openssl rand -base64 32`");
            }
            return () -> box;
        }
        if (catalog.isDemo()) {
            SecretBox box = new SecretBox(
                    demoKey(Path.of(database.sqlitePath()).toAbsolutePath().getParent()));
            return () -> box;
        }
        return () -> {
            throw new MarketgateException(
                    ErrorCategory.CONFLICT,
                    "Webhooks need marketgate.webhooks.encryption-key (base64 of 32 random bytes) to store secrets"
                            + " encrypted; set it and restart.");
        };
    }

    private static byte[] demoKey(Path folder) {
        Path file = folder.resolve(DEMO_KEY_FILE);
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(folder);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on file systems without POSIX permissions
            }
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the demo webhook key " + file, e);
        }
    }
}
