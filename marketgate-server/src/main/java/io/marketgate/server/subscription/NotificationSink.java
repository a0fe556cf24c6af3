package io.marketgate.server.subscription;

/**
 * Where the queue consumer hands verified notifications: stores each once (keyed by its message id) and
 * applies it to the subscription state in the same transaction. The consumer deletes the SQS message only
 * after this returns.
 */
public interface NotificationSink {

    /** Stores and applies {@code notification}; a message id seen before is a duplicate with no effect. */
    Outcome accept(Notification notification);

    enum Outcome {
        APPLIED,
        DUPLICATE
    }
}
