package io.marketgate.simulator;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Real AWS SDK v2 clients pointed at a simulator, with dummy credentials. */
public final class AwsClients {

    private AwsClients() {}

    public static StaticCredentialsProvider dummyCredentials(String accessKeyId) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "dummy-secret-key"));
    }

    /** Signed with access key {@code AKIDEXAMPLE}, which the simulator maps to its default (seller) account. */
    public static MarketplaceMeteringClient metering(Simulator sim) {
        return metering(
                sim,
                dummyCredentials("AKIDEXAMPLE"),
                ClientOverrideConfiguration.builder().build());
    }

    /** Without SDK retries, so each call is one HTTP request. */
    public static MarketplaceMeteringClient meteringWithoutRetries(Simulator sim, String accessKeyId) {
        return metering(
                sim,
                dummyCredentials(accessKeyId),
                ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .build());
    }

    public static MarketplaceMeteringClient metering(
            Simulator sim, AwsCredentialsProvider credentials, ClientOverrideConfiguration override) {
        return MarketplaceMeteringClient.builder()
                .endpointOverride(sim.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(override)
                .build();
    }

    public static StsClient sts(Simulator sim, String accessKeyId) {
        return StsClient.builder()
                .endpointOverride(sim.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(dummyCredentials(accessKeyId))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }
}
