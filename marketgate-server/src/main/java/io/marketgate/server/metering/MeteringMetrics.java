package io.marketgate.server.metering;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Metering metrics: {@code marketgate.metering.usage.events{status}}, {@code marketgate.metering.records{outcome}},
 * {@code marketgate.metering.calls{result}}, {@code marketgate.metering.expired}, {@code marketgate.metering.lag.seconds}
 * (age of the oldest frozen unsent record), {@code marketgate.metering.backlog} (frozen unsent records) and
 * {@code marketgate.metering.paused} (products whose sending is paused; alert on anything above 0).
 */
@Component
public class MeteringMetrics {

    private final MeterRegistry registry;
    private volatile double lagSeconds;
    private volatile double backlog;
    private volatile double paused;

    public MeteringMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.registry.gauge("marketgate.metering.lag.seconds", this, m -> m.lagSeconds);
        this.registry.gauge("marketgate.metering.backlog", this, m -> m.backlog);
        this.registry.gauge("marketgate.metering.paused", this, m -> m.paused);
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

    void paused(int products) {
        this.paused = products;
    }

    /** The current value of a gauge, 0 if it is not registered. */
    public double gauge(String name) {
        var gauge = registry.find(name).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    public double count(String name, String tag, String value) {
        var counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }
}
