package io.marketgate.server.fulfillment;

import io.marketgate.server.customer.Customer;
import io.marketgate.webhooks.assertion.AssertionKey;
import io.marketgate.webhooks.assertion.AssertionVerification;
import io.marketgate.webhooks.assertion.InMemoryNonceStore;
import io.marketgate.webhooks.assertion.Registration;
import io.marketgate.webhooks.assertion.RegistrationAssertion;
import io.marketgate.webhooks.assertion.RegistrationAssertionVerifier;
import io.marketgate.webhooks.assertion.RegistrationAssertions;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Registration assertions in the format of {@code marketgate-webhooks} (the verifier sellers' apps use):
 * HMAC-SHA256 with a random nonce, valid for {@code marketgate.onboarding.assertion-ttl}.
 */
@Component
class SignedSellerAssertions implements SellerAssertions {

    private final AssertionKey key;
    private final Duration ttl;
    private final Clock clock;
    private final RegistrationAssertionVerifier verifier;

    SignedSellerAssertions(OnboardingKeys keys, OnboardingSettings settings, Clock clock) {
        this.key = keys.assertion();
        this.ttl = settings.assertionTtl();
        this.clock = clock;
        // The demo seller page verifies as a seller's app would, with its own memory of used nonces.
        this.verifier = RegistrationAssertionVerifier.builder(key)
                .clock(clock)
                .nonceStore(new InMemoryNonceStore(clock))
                .build();
    }

    @Override
    public String sign(Customer customer) {
        Registration registration = new Registration(
                customer.id(),
                customer.productId(),
                customer.identity().customerAwsAccountId(),
                customer.identity().licenseArn(),
                customer.identity().customerIdentifier(),
                customer.tenantId());
        return RegistrationAssertions.sign(registration, key, clock, ttl);
    }

    @Override
    public Check verify(String assertion) {
        return switch (verifier.verify(assertion)) {
            case AssertionVerification.Accepted accepted -> new Check.Valid(claims(accepted.assertion()));
            case AssertionVerification.Rejected rejected -> new Check.Invalid(rejected.message());
        };
    }

    private static Map<String, Object> claims(RegistrationAssertion assertion) {
        Registration registration = assertion.registration();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("customerId", registration.customerId());
        claims.put("productId", registration.productId());
        claims.put("awsAccountId", registration.awsAccountId());
        claims.put("licenseArn", registration.licenseArn());
        claims.put("customerIdentifier", registration.customerIdentifier());
        claims.put("tenantId", registration.tenantId());
        claims.put("nonce", assertion.nonce());
        claims.put("issuedAt", assertion.issuedAt());
        claims.put("expiresAt", assertion.expiresAt());
        return claims;
    }
}
