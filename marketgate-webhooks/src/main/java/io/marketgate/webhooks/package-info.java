/**
 * Standard Webhooks signing ({@link io.marketgate.webhooks.WebhookSigner}) and verification
 * ({@link io.marketgate.webhooks.WebhookVerifier}) with {@code whsec_} secrets
 * ({@link io.marketgate.webhooks.WebhookSecret}). JDK only.
 */
package io.marketgate.webhooks;
