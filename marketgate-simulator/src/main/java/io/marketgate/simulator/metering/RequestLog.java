package io.marketgate.simulator.metering;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The most recent Metering API calls, rejected ones included; bounded so a long run cannot fill the heap. */
public final class RequestLog {

    static final int CAPACITY = 10_000;

    private final Deque<RequestLogEntry> entries = new ArrayDeque<>();
    private long sequence;

    synchronized long nextSequence() {
        return ++sequence;
    }

    synchronized void add(RequestLogEntry entry) {
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    /** Calls of one operation (or all when null), oldest first. */
    public synchronized List<RequestLogEntry> entries(String operation) {
        return entries.stream()
                .filter(e -> operation == null || operation.equals(e.operation()))
                .toList();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
