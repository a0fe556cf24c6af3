package io.marketgate.server.fulfillment;

import io.marketgate.server.customer.Customer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registration assertions as {@code base64url(JSON claims).base64url(HMAC-SHA256)}: the claims name the
 * customer, a random nonce, and the issue and expiry times (epoch seconds). Single use is enforced by the
 * verifier's memory of nonces until they expire.
 */
@Component
class HmacSellerAssertions implements SellerAssertions {

    private static final TypeReference<LinkedHashMap<String, Object>> CLAIMS = new TypeReference<>() {};

    private final SigningKey key;
    private final Duration ttl;
    private final Clock clock;
    private final JsonMapper json;
    private final Map<String, Instant> usedNonces = new ConcurrentHashMap<>();

    HmacSellerAssertions(OnboardingKeys keys, OnboardingSettings settings, Clock clock, JsonMapper json) {
        this.key = keys.assertion();
        this.ttl = settings.assertionTtl();
        this.clock = clock;
        this.json = json;
    }

    @Override
    public String sign(Customer customer) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("customerId", customer.id());
        claims.put("productId", customer.productId());
        claims.put("awsAccountId", customer.identity().customerAwsAccountId());
        claims.put("licenseArn", customer.identity().licenseArn());
        claims.put("customerIdentifier", customer.identity().customerIdentifier());
        claims.put("tenantId", customer.tenantId());
        claims.put("nonce", SigningKey.base64(SigningKey.randomBytes(18)));
        claims.put("iat", now);
        claims.put("exp", now + ttl.toSeconds());
        String payload = SigningKey.base64(json.writeValueAsBytes(claims));
        return payload + "." + key.macText(payload);
    }

    @Override
    public Check verify(String assertion) {
        String[] parts = assertion == null ? new String[0] : assertion.split("\\.", -1);
        if (parts.length != 2) {
            return new Check.Invalid("not an assertion (two dot-separated parts expected)");
        }
        if (!key.verify(parts[0], parts[1])) {
            return new Check.Invalid("signature does not match");
        }
        Map<String, Object> claims;
        try {
            claims =
                    json.readValue(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8), CLAIMS);
        } catch (RuntimeException e) {
            return new Check.Invalid("claims are not readable");
        }
        Instant now = clock.instant();
        Instant expires = Instant.ofEpochSecond(((Number) claims.get("exp")).longValue());
        if (!now.isBefore(expires)) {
            return new Check.Invalid("expired at " + expires);
        }
        usedNonces.values().removeIf(expiry -> expiry.isBefore(now));
        if (usedNonces.putIfAbsent(String.valueOf(claims.get("nonce")), expires) != null) {
            return new Check.Invalid("already used (an assertion is valid once)");
        }
        return new Check.Valid(claims);
    }
}
