package io.marketgate.webhooks.assertion;

import java.time.Instant;

/**
 * Remembers which assertion nonces were used, so each assertion is accepted once. Implementations must be
 * thread-safe, and {@link #claim} atomic: of two concurrent claims of one nonce, exactly one wins. A store shared by
 * several instances of the seller's application (a database table with a unique nonce column, Redis
 * {@code SET NX PX}) makes single use hold across them; {@link InMemoryNonceStore} covers one instance.
 */
@FunctionalInterface
public interface NonceStore {

    /**
     * Records a nonce as used.
     *
     * @param nonce the assertion's nonce
     * @param keepUntil the nonce need not be remembered after this instant: the assertion is refused as expired by
     *     then
     * @return true when this is the first claim of the nonce, false when it was claimed before
     */
    boolean claim(String nonce, Instant keepUntil);
}
