package io.marketgate.simulator.state;

/**
 * Something that happened to an agreement; notification channels (SNS topics, EventBridge) turn these
 * into the messages AWS would send.
 */
public sealed interface LifecycleEvent {

    Agreement agreement();

    Product product();

    /** Buyer subscribed (agreement created); {@code subscribe-success} follows unless payment fails. */
    record Subscribed(Agreement agreement, Product product) implements LifecycleEvent {}

    record SubscribeSucceeded(Agreement agreement, Product product) implements LifecycleEvent {}

    record SubscribeFailed(Agreement agreement, Product product) implements LifecycleEvent {}

    record UnsubscribePending(Agreement agreement, Product product) implements LifecycleEvent {}

    record Unsubscribed(Agreement agreement, Product product) implements LifecycleEvent {}

    /** Contract changed (upgrade, renewal, expiry). */
    record EntitlementsChanged(Agreement agreement, Product product) implements LifecycleEvent {}
}
