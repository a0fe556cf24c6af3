package io.marketgate.server.fulfillment;

import io.marketgate.webhooks.assertion.AssertionKey;

/**
 * The onboarding secrets.
 *
 * @param pending signs pending registrations and the registration form's CSRF tokens (server only)
 * @param assertion signs the registration assertion the seller's app verifies (shared with the seller)
 */
public record OnboardingKeys(SigningKey pending, AssertionKey assertion) {}
