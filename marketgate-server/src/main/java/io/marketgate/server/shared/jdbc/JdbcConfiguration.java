package io.marketgate.server.shared.jdbc;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/** JDBC helpers shared by the capabilities' {@code jdbc} adapters. */
@Configuration(proxyBeanMethods = false)
class JdbcConfiguration {

    @Bean
    TimestampColumns timestampColumns(DataSource dataSource) {
        return TimestampColumns.of(dataSource);
    }

    /** Boot sets this on the auto-configured JdbcTemplate, and so on JdbcClient. */
    @Bean
    SQLExceptionTranslator sqlExceptionTranslator(DataSource dataSource) {
        return new SqliteExceptionTranslator(dataSource);
    }
}
