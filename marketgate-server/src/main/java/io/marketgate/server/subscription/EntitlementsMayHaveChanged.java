package io.marketgate.server.subscription;

/**
 * Published (Spring application event) INSIDE the transaction that stored a notification or a registration
 * after which a contract's entitlements should be read again, so a listener can record the need in the same
 * transaction; the read itself must happen after commit.
 */
public record EntitlementsMayHaveChanged(String productId, String key) {}
