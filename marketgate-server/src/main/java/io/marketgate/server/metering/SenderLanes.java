package io.marketgate.server.metering;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;

/**
 * Runs sending loops on a few threads at once and adds up the calls they made. Each loop is self-contained
 * (claim → call → record until nothing is due), so the lanes share nothing but the database, exactly as
 * separate instances would. The threads live for one drain only: an idle poll starts none.
 */
final class SenderLanes {

    private SenderLanes() {}

    /** Runs {@code first} and {@code lanes - 1} copies of {@code other} together; returns their summed calls. */
    static int run(int lanes, IntSupplier first, IntSupplier other) {
        List<Future<Integer>> running = new ArrayList<>();
        // close() waits for every lane; if this thread is interrupted, it interrupts them and still waits.
        try (ExecutorService executor = Executors.newFixedThreadPool(
                lanes, Thread.ofPlatform().name("metering-sender-", 1).daemon().factory())) {
            running.add(executor.submit(first::getAsInt));
            for (int i = 1; i < lanes; i++) {
                running.add(executor.submit(other::getAsInt));
            }
        }
        int calls = 0;
        RuntimeException failure = null;
        for (Future<Integer> lane : running) {
            try {
                calls += lane.get();
            } catch (ExecutionException e) {
                // The lane's claimed records come back after their lease and are resent identically.
                failure = new IllegalStateException("a metering sender failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending metering records", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return calls;
    }
}
