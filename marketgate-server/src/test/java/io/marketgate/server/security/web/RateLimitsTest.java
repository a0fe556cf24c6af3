package io.marketgate.server.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.security.config.SecurityProperties.RateLimit;
import io.marketgate.server.shared.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void aKeyGetsItsBurstThenWaitsForTheRefill() {
        RateLimits limits = new RateLimits(new RateLimit(true, 2, 1, Duration.ofSeconds(10)), clock);

        assertThat(limits.take("key_a")).isEmpty();
        assertThat(limits.take("key_a")).isEmpty();
        assertThat(limits.take("key_a"))
                .hasValueSatisfying(wait -> assertThat(wait).isEqualTo(Duration.ofSeconds(10)));

        clock.advance(Duration.ofSeconds(4));
        assertThat(limits.take("key_a")).hasValue(Duration.ofSeconds(6));
        clock.advance(Duration.ofSeconds(6));
        assertThat(limits.take("key_a")).isEmpty();
    }

    @Test
    void eachKeyHasItsOwnBudget() {
        RateLimits limits = new RateLimits(new RateLimit(true, 1, 1, Duration.ofHours(1)), clock);

        assertThat(limits.take("key_a")).isEmpty();
        assertThat(limits.take("key_a")).isPresent();
        assertThat(limits.take("key_b")).isEmpty();
    }

    @Test
    void disabledLimitsNeverRefuse() {
        RateLimits limits = new RateLimits(new RateLimit(false, 1, 1, Duration.ofHours(1)), clock);

        for (int i = 0; i < 10; i++) {
            assertThat(limits.take("key_a")).isEmpty();
        }
    }
}
