package io.marketgate.server.security.config;

import io.marketgate.server.shared.InvalidConfigurationException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API key settings ({@code marketgate.security.*}).
 *
 * @param bootstrapKey the first admin key of a deployment, given as its id and hash only (see
 *     docs/operations.md); unset for none
 * @param revokedKeys key ids revoked at every start, before the first request is served
 * @param rateLimit the per-key request budget
 * @param demoKey in the zero-configuration demo, create an admin key and write it to {@code demo-api-key}
 *     next to the SQLite file; ignored outside the demo
 */
@ConfigurationProperties("marketgate.security")
public record SecurityProperties(
        BootstrapKey bootstrapKey,
        @DefaultValue List<String> revokedKeys,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue("true") boolean demoKey) {

    static final Pattern KEY_ID = Pattern.compile("key_[a-z0-9]{16}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    public SecurityProperties {
        revokedKeys = List.copyOf(revokedKeys);
        for (int i = 0; i < revokedKeys.size(); i++) {
            if (!KEY_ID.matcher(revokedKeys.get(i)).matches()) {
                throw new InvalidConfigurationException(
                        "marketgate.security.revoked-keys[" + i + "]",
                        "is not a key id",
                        "use the id shown by GET /v1/api-keys, e.g. key_abcdefghij234567");
            }
        }
    }

    /**
     * An admin key created at startup from its hash, so no clear key sits in the configuration.
     *
     * @param id {@code key_} followed by the 16 characters after {@code mg_} in the key
     * @param sha256 lowercase hex SHA-256 of the whole key
     */
    public record BootstrapKey(String id, String sha256) {

        /**
         * Checked at startup rather than while binding, so a failure never echoes the value: an operator may
         * have pasted the clear key where its hash belongs.
         */
        void validate() {
            if (id == null || !KEY_ID.matcher(id).matches()) {
                throw new InvalidConfigurationException(
                        "marketgate.security.bootstrap-key.id",
                        "must be key_ followed by the 16 characters after mg_ in the key",
                        "generate the key as docs/operations.md shows and copy its id");
            }
            if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
                throw new InvalidConfigurationException(
                        "marketgate.security.bootstrap-key.sha256",
                        "must be the 64 hex digits of the key's SHA-256",
                        "set it to the output of: printf %s \"$KEY\" | sha256sum");
            }
        }
    }

    /**
     * A token bucket per key (per instance): {@code capacity} requests at once, refilled by
     * {@code refillTokens} every {@code refillPeriod}. Beyond it: 429 with {@code Retry-After}.
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("200") long capacity,
            @DefaultValue("100") long refillTokens,
            @DefaultValue("1s") Duration refillPeriod) {
        public RateLimit {
            if (capacity < 1 || refillTokens < 1) {
                throw new InvalidConfigurationException(
                        "marketgate.security.rate-limit",
                        "capacity and refill-tokens must be at least 1",
                        "set them to positive numbers, or rate-limit.enabled=false");
            }
            if (refillPeriod == null || refillPeriod.isNegative() || refillPeriod.isZero()) {
                throw new InvalidConfigurationException(
                        "marketgate.security.rate-limit.refill-period",
                        "must be positive",
                        "set it to a duration such as 1s");
            }
        }
    }
}
