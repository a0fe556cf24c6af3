package io.marketgate.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records the waits between attempts instead of waiting. */
final class RecordingSleeper implements Transport.Sleeper {
    final List<Duration> waits = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        waits.add(duration);
    }
}
