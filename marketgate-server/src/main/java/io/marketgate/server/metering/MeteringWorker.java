package io.marketgate.server.metering;

import io.marketgate.server.metering.jdbc.JdbcSubmissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the background stages on one thread per instance, every poll interval: freeze closed hours, add zero
 * records, expire what missed its window, send what is due. Every stage is restartable, so a crash or a
 * second instance at any point is safe.
 */
public class MeteringWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MeteringWorker.class);

    private final RecordFreezer freezer;
    private final Optional<MeteringSubmitter> submitter;
    private final JdbcSubmissions submissions;
    private final MeteringMetrics metrics;
    private final Clock clock;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public MeteringWorker(
            RecordFreezer freezer,
            Optional<MeteringSubmitter> submitter,
            JdbcSubmissions submissions,
            MeteringMetrics metrics,
            Clock clock,
            Duration interval) {
        this.freezer = freezer;
        this.submitter = submitter;
        this.submissions = submissions;
        this.metrics = metrics;
        this.clock = clock;
        this.interval = interval;
    }

    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("metering").daemon().factory());
            executor.scheduleWithFixedDelay(
                    this::runSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** One round of every stage; returns the BatchMeterUsage calls made. */
    public int runOnce() {
        freezer.freezeClosedHours();
        freezer.zeroRecords();
        int calls = submitter.map(MeteringSubmitter::drain).orElse(0);
        metrics.paused(submissions.pauses().size());
        JdbcSubmissions.Backlog backlog = submissions.backlog();
        metrics.backlog(
                backlog.records(),
                backlog.oldestHour() == null
                        ? 0
                        : Math.max(
                                0,
                                Duration.between(backlog.oldestHour().plus(Duration.ofHours(1)), clock.instant())
                                        .toSeconds()));
        return calls;
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("Metering round failed; the next round retries", e);
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }
}
