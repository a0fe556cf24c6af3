/**
 * Outbox of events to the seller's app, Standard Webhooks signing, retries, delivery log and replay.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhook")
package io.marketgate.server.webhook;
