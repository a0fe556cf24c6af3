package io.marketgate.server.security.config;

import io.marketgate.server.aws.AwsClients;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.security.ApiKeys;
import io.marketgate.server.security.Scope;
import io.marketgate.server.shared.jdbc.DatabaseProperties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Applies the key settings once the database is migrated and before the web server takes requests: the
 * bootstrap key, the revocations, and the demo's key file.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SmartInitializingSingleton apiKeySettings(
            ApiKeys apiKeys,
            SecurityProperties properties,
            Catalog catalog,
            AwsClients aws,
            DatabaseProperties database) {
        return () -> {
            if (properties.bootstrapKey() != null) {
                var bootstrap = properties.bootstrapKey();
                bootstrap.validate();
                boolean created =
                        apiKeys.registerHashed(bootstrap.id(), "bootstrap", Set.of(Scope.ADMIN), bootstrap.sha256());
                LOG.info(
                        created
                                ? "Bootstrap API key {} (scope admin) created from marketgate.security.bootstrap-key"
                                : "Bootstrap API key {} already exists; left as it is",
                        bootstrap.id());
            }
            if (!properties.revokedKeys().isEmpty()) {
                int known = apiKeys.revokeAll(properties.revokedKeys());
                LOG.info(
                        "marketgate.security.revoked-keys: {} key(s) listed, {} of them exist and are revoked",
                        properties.revokedKeys().size(),
                        known);
            }
            if (properties.demoKey() && catalog.isDemo() && aws.endpoints().simulatorCredentials()) {
                new DemoKeyFile(apiKeys, database.sqliteFile().resolveSibling(DemoKeyFile.FILE_NAME)).ensure();
            }
        };
    }
}
