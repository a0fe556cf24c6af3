package io.marketgate.server.metering;

import io.marketgate.client.MarketgateClient;
import io.marketgate.client.RetryPolicy;
import io.marketgate.client.UsageEvent;
import io.marketgate.client.UsageResult;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A seller's application reporting usage batch by batch on its own thread with the Marketgate client, which
 * resends a batch whose answer it did not get (the server died) until a server answers it, for about a minute.
 */
final class UsageReporter {

    final List<List<UsageEvent>> batches;
    final Map<UsageEvent, UsageResult.Status> answers = new ConcurrentHashMap<>();
    /** Batches answered so far. */
    final AtomicInteger answered = new AtomicInteger();

    volatile boolean done;
    volatile String failure;
    private final MarketgateClient marketgate;

    UsageReporter(URI marketgate, String apiKey, List<List<UsageEvent>> batches) {
        this.marketgate = MarketgateClient.builder(marketgate, apiKey)
                .retries(new RetryPolicy(600, Duration.ofMillis(50), Duration.ofMillis(100)))
                .build();
        this.batches = batches;
    }

    UsageReporter start() {
        Thread.ofPlatform().name("usage-reporter").daemon().start(this::run);
        return this;
    }

    /** Whether it stopped: every batch answered, or one failed for good. */
    boolean stopped() {
        return done || failure != null;
    }

    long units() {
        return answers.keySet().stream().mapToLong(UsageEvent::quantity).sum();
    }

    long answered(UsageResult.Status status) {
        return answers.values().stream().filter(status::equals).count();
    }

    private void run() {
        try {
            for (List<UsageEvent> batch : batches) {
                List<UsageResult> results = marketgate.reportUsage(batch).results();
                for (int i = 0; i < batch.size(); i++) {
                    answers.put(batch.get(i), results.get(i).status());
                }
                answered.incrementAndGet();
            }
            done = true;
        } catch (RuntimeException e) {
            failure = e.toString();
        }
    }
}
