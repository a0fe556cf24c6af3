package io.marketgate.server.webhook.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery to the seller's app ({@code marketgate.webhooks.*}).
 *
 * @param encryptionKey base64 of 32 random bytes (AES-256) that encrypts the endpoints' signing secrets at
 *     rest; required before the first endpoint is created, except in the demo, which keeps a generated key
 *     in its data folder. Keep it in a secret store; losing it means rotating every endpoint's secret.
 * @param allowPrivateAddresses allow endpoint URLs that resolve to loopback, link-local or private
 *     addresses (off: no server-side request forgery into the network Marketgate runs in; the demo allows
 *     loopback receivers only)
 * @param allowHttp allow plain {@code http://} endpoint URLs (off outside the demo)
 * @param retrySchedule the wait before each retry after a failed attempt (jittered ±20 %); after the last
 *     one the delivery has failed for good and can be replayed
 * @param disableAfter an endpoint whose deliveries have all failed for this long is disabled, with a
 *     {@code webhook.endpoint.disabled} event
 * @param secretOverlap how long the previous secret keeps signing after a rotation, unless the rotation says
 * @param timeout connect and response timeout of one attempt
 * @param pollInterval how often due deliveries are looked for (new events are sent at once after commit)
 * @param lease how long an instance holds a delivery it is sending; after a crash it is sent again after this
 */
@ConfigurationProperties("marketgate.webhooks")
public record WebhookProperties(
        String encryptionKey,
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("false") boolean allowHttp,

        @DefaultValue({"5s", "30s", "2m", "10m", "30m", "1h", "2h", "4h", "8h", "12h"})
        List<Duration> retrySchedule,

        @DefaultValue("3d") Duration disableAfter,
        @DefaultValue("24h") Duration secretOverlap,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("60s") Duration lease) {

    public WebhookProperties {
        retrySchedule = List.copyOf(retrySchedule);
        if (retrySchedule.isEmpty() || retrySchedule.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("marketgate.webhooks.retry-schedule must list positive durations");
        }
        for (Duration positive : List.of(disableAfter, timeout, pollInterval, lease)) {
            if (positive.isNegative() || positive.isZero()) {
                throw new IllegalArgumentException(
                        "marketgate.webhooks.disable-after, timeout, poll-interval and lease must be positive");
            }
        }
        if (secretOverlap.isNegative()) {
            throw new IllegalArgumentException("marketgate.webhooks.secret-overlap must be zero or more");
        }
    }
}
