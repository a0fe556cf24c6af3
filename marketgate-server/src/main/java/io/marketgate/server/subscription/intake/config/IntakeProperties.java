package io.marketgate.server.subscription.intake.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Intake of lifecycle notifications from the products' SQS queues ({@code marketgate.notifications.*}).
 *
 * @param enabled consume the queues; false for an instance that serves only the API
 * @param waitTime long-polling wait of one receive (0 to 20 s; AWS bills per call, so 20 s in production)
 * @param visibilityTimeout how long a received message stays hidden; a message whose processing failed comes
 *     back after it
 * @param maxMessages messages per receive call (1 to 10)
 * @param receiveRetryDelay pause after a failed receive call
 * @param allowedTopics SNS topic ARNs allowed per product id; a product not listed allows its two AWS
 *     Marketplace topics ({@code aws-mp-subscription-notification-<code>},
 *     {@code aws-mp-entitlement-notification-<code>})
 * @param sns SNS signature verification
 * @param eventBridge EventBridge events
 */
@ConfigurationProperties("marketgate.notifications")
public record IntakeProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20s") Duration waitTime,
        @DefaultValue("60s") Duration visibilityTimeout,
        @DefaultValue("10") int maxMessages,
        @DefaultValue("5s") Duration receiveRetryDelay,
        Map<String, List<String>> allowedTopics,
        @DefaultValue Sns sns,
        @DefaultValue EventBridge eventBridge) {

    public IntakeProperties {
        allowedTopics = allowedTopics == null ? Map.of() : allowedTopics;
    }

    /**
     * Certificates trusted besides AWS's, which keep AWS's URL rules (https, host
     * {@code sns.<region>.amazonaws.com(.cn)}, {@code .pem}). Set one only to accept the simulator's
     * envelopes; the zero-configuration demo trusts its embedded simulator's certificate URL by itself.
     *
     * @param trustedCertificateUrl exactly this SigningCertURL is trusted, with the certificate fetched from it
     *     (https, or http on a loopback address)
     * @param trustedCertificatePem this certificate (PEM) verifies envelopes whose SigningCertURL is not AWS's;
     *     it is never fetched
     * @param certificateFetchTimeout bound for fetching a signing certificate
     */
    public record Sns(
            URI trustedCertificateUrl,
            String trustedCertificatePem,
            @DefaultValue("10s") Duration certificateFetchTimeout) {}

    /** @param allowedSources event sources accepted; any other source is quarantined */
    public record EventBridge(
            @DefaultValue("aws.agreement-marketplace") List<String> allowedSources) {}
}
