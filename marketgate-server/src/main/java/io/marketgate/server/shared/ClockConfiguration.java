package io.marketgate.server.shared;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the application; code asks for it instead of calling {@code Instant.now()} so tests can move time. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** UTC, because usage hours, metering windows and AWS timestamps are all UTC. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
