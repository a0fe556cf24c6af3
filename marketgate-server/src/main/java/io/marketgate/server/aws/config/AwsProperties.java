package io.marketgate.server.aws.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Marketgate reaches AWS ({@code marketgate.aws.*}).
 *
 * @param endpointOverride send Metering, Entitlement and STS calls here instead of AWS (e.g. a standalone
 *     simulator at {@code http://127.0.0.1:4599}); unset in production
 * @param sqsEndpointOverride send SQS calls here instead of AWS (e.g. ElasticMQ at {@code http://127.0.0.1:9324})
 * @param simulatorCredentials sign with a fixed key per seller account, as the simulator expects, instead of
 *     the default credentials chain; only meaningful with the overrides
 * @param verifyIdentityAtStartup check with STS GetCallerIdentity which account each seller's credentials
 *     reach, and refuse to start when it is not the seller's account
 * @param apiCallTimeout upper bound for one AWS call including the SDK's retries
 * @param healthRefresh how old the AWS and SQS readiness checks may get before they are refreshed (in the
 *     background; probes always answer at once with the last result)
 */
@ConfigurationProperties("marketgate.aws")
public record AwsProperties(
        URI endpointOverride,
        URI sqsEndpointOverride,
        @DefaultValue("false") boolean simulatorCredentials,
        @DefaultValue("true") boolean verifyIdentityAtStartup,
        @DefaultValue("30s") Duration apiCallTimeout,
        @DefaultValue("30s") Duration healthRefresh) {}
