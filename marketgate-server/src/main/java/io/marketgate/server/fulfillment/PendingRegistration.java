package io.marketgate.server.fulfillment;

import io.marketgate.server.customer.AwsIdentity;
import java.time.Instant;

/**
 * A buyer between the fulfillment POST and the registration form, as stored server-side.
 *
 * @param id the opaque id in the registration page's URL; it grants nothing without the browser's cookie
 * @param productCode the product code ResolveCustomer returned (checked against the product)
 * @param offerType {@code free-trial} when AWS said so, else null
 * @param browserHash SHA-256 (hex) of the secret in the browser's cookie
 * @param signature HMAC of the content with the server's key, see {@link PendingSignature}
 * @param usedAt when the registration form was submitted successfully, or null
 * @param customerId the customer it created or found, or null
 */
public record PendingRegistration(
        String id,
        String productId,
        String productCode,
        AwsIdentity identity,
        String offerType,
        String browserHash,
        String signature,
        Instant createdAt,
        Instant expiresAt,
        Instant usedAt,
        String customerId) {}
