/**
 * The subscription lifecycle fed by SQS (SNS envelopes and EventBridge events): inbox dedupe, the transition table, history.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subscription")
package io.marketgate.server.subscription;
