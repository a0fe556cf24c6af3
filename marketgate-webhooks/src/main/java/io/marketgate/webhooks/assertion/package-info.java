/**
 * The registration assertion: Marketgate signs it with
 * {@link io.marketgate.webhooks.assertion.RegistrationAssertions#sign} when it redirects a registered buyer to the
 * seller's application, which checks it with {@link io.marketgate.webhooks.assertion.RegistrationAssertionVerifier}:
 * signature, validity window and single use. JDK only.
 */
package io.marketgate.webhooks.assertion;
