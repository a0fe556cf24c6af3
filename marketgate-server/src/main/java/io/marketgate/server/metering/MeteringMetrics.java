package io.marketgate.server.metering;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Metering metrics: {@code marketgate.metering.usage.events{status}}, {@code marketgate.metering.records{outcome}},
 * {@code marketgate.metering.calls{result}}, {@code marketgate.metering.expired}, {@code marketgate.metering.lag.seconds}
 * (age of the oldest frozen unsent record) and {@code marketgate.metering.backlog} (frozen unsent records).
 */
@Component
public class MeteringMetrics {

    private final MeterRegistry registry;
    private volatile double lagSeconds;
    private volatile double backlog;

    public MeteringMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.registry.gauge("marketgate.metering.lag.seconds", this, m -> m.lagSeconds);
        this.registry.gauge("marketgate.metering.backlog", this, m -> m.backlog);
    }

    void ingested(List<UsageOutcome> outcomes) {
        long[] byStatus = new long[UsageOutcome.Status.values().length];
        outcomes.forEach(outcome -> byStatus[outcome.status().ordinal()]++);
        for (UsageOutcome.Status status : UsageOutcome.Status.values()) {
            if (byStatus[status.ordinal()] > 0) {
                registry.counter("marketgate.metering.usage.events", "status", status.value())
                        .increment(byStatus[status.ordinal()]);
            }
        }
    }

    void recordSettled(String outcome) {
        registry.counter("marketgate.metering.records", "outcome", outcome).increment();
    }

    void call(String result) {
        registry.counter("marketgate.metering.calls", "result", result).increment();
    }

    void backlog(long records, double oldestAgeSeconds) {
        this.backlog = records;
        this.lagSeconds = oldestAgeSeconds;
    }

    public double count(String name, String tag, String value) {
        var counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }
}
