package io.marketgate.server.fulfillment;

import io.marketgate.server.customer.Customer;
import java.util.Map;

/**
 * The short-lived, single-use signed assertion that hands a registered buyer to the seller's app. Signing
 * happens here; verification is the seller's (the demo seller page verifies with the same key).
 */
public interface SellerAssertions {

    /** A fresh assertion for {@code customer}, URL-safe as it is. */
    String sign(Customer customer);

    /** Verifies {@code assertion} and uses it up. */
    Check verify(String assertion);

    /** What verifying an assertion found. */
    sealed interface Check {
        /** Authentic, unexpired, seen for the first time. */
        record Valid(Map<String, Object> claims) implements Check {}

        /** Refused, with the reason in plain words. */
        record Invalid(String reason) implements Check {}
    }
}
