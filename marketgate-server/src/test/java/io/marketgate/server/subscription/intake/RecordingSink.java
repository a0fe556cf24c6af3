package io.marketgate.server.subscription.intake;

import io.marketgate.server.subscription.Notification;
import io.marketgate.server.subscription.NotificationSink;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A sink that records what it is handed, dedupes by message id, and can be told to fail or look around. */
public final class RecordingSink implements NotificationSink {

    private final List<Notification> applied = new CopyOnWriteArrayList<>();
    private final List<String> attempts = new CopyOnWriteArrayList<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private volatile Consumer<Notification> before = n -> {};

    @Override
    public Outcome accept(Notification notification) {
        attempts.add(notification.messageId());
        before.accept(notification);
        if (!seen.add(notification.messageId())) {
            return Outcome.DUPLICATE;
        }
        applied.add(notification);
        return Outcome.APPLIED;
    }

    /** Runs before each notification is stored; throwing from it is a failed transaction. */
    public void before(Consumer<Notification> action) {
        this.before = action;
    }

    public List<Notification> applied() {
        return applied;
    }

    /** Message ids in the order they were handed over, failures included. */
    public List<String> attempts() {
        return attempts;
    }
}
