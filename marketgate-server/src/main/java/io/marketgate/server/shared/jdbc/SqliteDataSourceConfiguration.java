package io.marketgate.server.shared.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The zero-configuration database: SQLite at {@code marketgate.database.sqlite-path}, active only while
 * {@code spring.datasource.url} is unset. Boot's own data source configuration backs off because this
 * one defines the {@code DataSource}; Flyway picks {@code db/migration/sqlite} from the URL.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SqliteDataSourceConfiguration.NoDataSourceUrl.class)
class SqliteDataSourceConfiguration {

    /** Taken before the data source opens the file; released after the pool closes. */
    @Bean(destroyMethod = "close")
    SqliteInstanceLock sqliteInstanceLock(DatabaseProperties properties) {
        return SqliteInstanceLock.acquire(properties.sqliteFile());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, SqliteInstanceLock instanceLock) {
        return SqliteDataSources.pooled(
                properties.sqliteFile(), properties.sqliteBusyTimeout(), properties.sqlitePoolSize());
    }

    static final class NoDataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
