package io.marketgate.server.subscription.intake.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When the consumers are made: after the application is ready, and again after a stop and a start. */
class QueueConsumersTest {

    private final AtomicInteger made = new AtomicInteger();
    private final QueueConsumers consumers = new QueueConsumers(
            () -> {
                made.incrementAndGet();
                return List.of();
            },
            1_000);

    @Test
    void nothingIsConsumedBeforeTheApplicationIsReady() {
        consumers.start();

        assertThat(made).hasValue(0);
        consumers.onApplicationEvent(null);
        assertThat(made).hasValue(1);
    }

    @Test
    void aStoppedAndRestartedContextConsumesAgain() throws InterruptedException {
        consumers.start();
        consumers.onApplicationEvent(null);
        CountDownLatch stopped = new CountDownLatch(1);

        consumers.stop(stopped::countDown);

        assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(consumers.isRunning()).isFalse();
        consumers.start();
        assertThat(consumers.isRunning()).isTrue();
        assertThat(made).hasValue(2);
    }
}
