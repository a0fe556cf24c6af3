package io.marketgate.server.shared;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the application; code asks for it instead of calling {@code Instant.now()} so tests can move time. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /**
     * UTC, because usage hours, metering windows and AWS timestamps are all UTC; the embedded simulator's
     * clock where one runs (demo and local development only).
     */
    @Bean
    Clock clock(ObjectProvider<SimulatedTime> simulated) {
        return simulated.stream()
                .flatMap(time -> time.clock().stream())
                .findFirst()
                .orElseGet(Clock::systemUTC);
    }
}
