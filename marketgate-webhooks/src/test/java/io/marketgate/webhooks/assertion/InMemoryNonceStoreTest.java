package io.marketgate.webhooks.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryNonceStoreTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T07:00:00Z"));

    @Test
    void aNonceIsClaimedOnceUntilItsTimeIsOver() {
        var store = new InMemoryNonceStore(clock);
        Instant keepUntil = clock.instant().plusSeconds(60);

        assertThat(store.claim("n", keepUntil)).isTrue();
        assertThat(store.claim("n", keepUntil)).isFalse();
        clock.advance(Duration.ofSeconds(60));
        assertThat(store.claim("n", keepUntil.plusSeconds(60))).isTrue();
    }

    @Test
    void expiredNoncesArePurgedAsNewOnesArrive() {
        var store = new InMemoryNonceStore(clock);
        for (int i = 0; i < 300; i++) {
            store.claim("old-" + i, clock.instant().plusSeconds(10));
        }
        clock.advance(Duration.ofSeconds(11));

        for (int i = 0; i < 256; i++) {
            store.claim("new-" + i, clock.instant().plusSeconds(10));
        }

        assertThat(store.size()).isLessThanOrEqualTo(256);
    }

    @Test
    void ofConcurrentVerificationsOfOneAssertionExactlyOneIsAccepted() throws Exception {
        var verifier = RegistrationAssertionVerifier.builder(RegistrationAssertionsTest.KEY)
                .clock(clock)
                .build();
        String token =
                RegistrationAssertions.sign(RegistrationAssertionsTest.LICENSED, RegistrationAssertionsTest.KEY, clock);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Boolean> attempt = () -> {
                    start.await();
                    return verifier.verify(token).isAccepted();
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Boolean> result : results) {
                accepted += result.get() ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
