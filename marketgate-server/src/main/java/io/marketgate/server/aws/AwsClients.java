package io.marketgate.server.aws;

import io.marketgate.server.aws.sdk.WireJsonInterceptor;
import io.marketgate.server.product.Product;
import io.marketgate.server.product.Seller;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplaceagreement.MarketplaceAgreementClient;
import software.amazon.awssdk.services.marketplaceentitlement.MarketplaceEntitlementClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * AWS clients per seller account. Credentials come from the default chain, or from STS AssumeRole into the
 * publishing account (with ExternalId where configured), refreshed by the SDK and cached per seller.
 * Metering is regional per product; Entitlement, SNS and EventBridge live in us-east-1 only.
 */
public final class AwsClients implements AutoCloseable {

    /** GetEntitlements is served in us-east-1 only. */
    public static final Region ENTITLEMENT_REGION = Region.US_EAST_1;

    /** The Agreement API is served in us-east-1 only. */
    public static final Region AGREEMENT_REGION = Region.US_EAST_1;

    private final AwsEndpoints endpoints;
    private final SdkHttpClient http;
    private final Duration apiCallTimeout;
    private final DefaultCredentialsProvider defaultChain =
            DefaultCredentialsProvider.builder().build();
    private final Map<String, AwsCredentialsProvider> credentials = new HashMap<>();
    private final Map<String, AutoCloseable> clients = new HashMap<>();

    public AwsClients(AwsEndpoints endpoints, SdkHttpClient http, Duration apiCallTimeout) {
        this.endpoints = endpoints;
        this.http = http;
        this.apiCallTimeout = apiCallTimeout;
    }

    /** The Metering client for a product: its seller's credentials, its metering region, the SDK's retries. */
    public MarketplaceMeteringClient metering(Product product) {
        String key = "metering/" + product.seller().id() + "/" + product.meteringRegion();
        return client(key, () -> configure(
                        MarketplaceMeteringClient.builder(),
                        product.seller(),
                        Region.of(product.meteringRegion()),
                        endpoints.marketplace())
                .overrideConfiguration(marketplace(timeouts().toBuilder()))
                .build());
    }

    /**
     * The Metering client for BatchMeterUsage: like {@link #metering(Product)} but every call is exactly one
     * HTTP request, because the metering ledger owns retries and the request budget.
     */
    public MarketplaceMeteringClient meteringWithoutRetries(Product product) {
        String key = "metering-once/" + product.seller().id() + "/" + product.meteringRegion();
        return client(key, () -> configure(
                        MarketplaceMeteringClient.builder(),
                        product.seller(),
                        Region.of(product.meteringRegion()),
                        endpoints.marketplace())
                .overrideConfiguration(marketplace(timeouts().toBuilder()).toBuilder()
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .build())
                .build());
    }

    public MarketplaceEntitlementClient entitlement(Seller seller) {
        return client("entitlement/" + seller.id(), () -> configure(
                        MarketplaceEntitlementClient.builder(), seller, ENTITLEMENT_REGION, endpoints.marketplace())
                .overrideConfiguration(marketplace(timeouts().toBuilder()))
                .build());
    }

    /** The Agreement API (us-east-1 only, like Entitlement) with the seller's credentials. */
    public MarketplaceAgreementClient agreement(Seller seller) {
        return client("agreement/" + seller.id(), () -> configure(
                        MarketplaceAgreementClient.builder(), seller, AGREEMENT_REGION, endpoints.marketplace())
                .build());
    }

    /** SQS with the seller's credentials, in the region of the queue. */
    public SqsClient sqs(Seller seller, Region region) {
        return client("sqs/" + seller.id() + "/" + region, () -> configure(
                        SqsClient.builder(), seller, region, endpoints.sqs())
                .build());
    }

    /** Asks STS which account and principal the seller's credentials reach. */
    public CallerIdentity callerIdentity(Seller seller) {
        StsClient sts = client("sts-identity/" + seller.id(), () -> configure(
                        StsClient.builder(), seller, Region.of(seller.stsRegion()), endpoints.marketplace())
                .build());
        GetCallerIdentityResponse identity = sts.getCallerIdentity();
        return new CallerIdentity(seller.id(), identity.account(), identity.arn());
    }

    public AwsEndpoints endpoints() {
        return endpoints;
    }

    /**
     * The credentials used for a seller's calls, cached so AssumeRole runs once per expiry, not per call.
     * Taken under the same lock as the clients (creating one may create the other), so the order is fixed.
     */
    public AwsCredentialsProvider credentials(Seller seller) {
        synchronized (clients) {
            AwsCredentialsProvider provider = credentials.get(seller.id());
            if (provider == null) {
                provider = seller.role()
                        .<AwsCredentialsProvider>map(role -> assumeRole(seller, role))
                        .orElseGet(() -> baseCredentials(seller));
                credentials.put(seller.id(), provider);
            }
            return provider;
        }
    }

    /** Static keys for the simulator, else the default chain: one provider for all sellers, closed with us. */
    private AwsCredentialsProvider baseCredentials(Seller seller) {
        if (endpoints.simulatorCredentials()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(seller.accountId(), "simulator"));
        }
        return defaultChain;
    }

    private AwsCredentialsProvider assumeRole(Seller seller, String roleArn) {
        StsClient sts = client("sts-assume/" + seller.id(), () -> {
            var builder = StsClient.builder()
                    .httpClient(http)
                    .region(Region.of(seller.stsRegion()))
                    .credentialsProvider(baseCredentials(seller))
                    .overrideConfiguration(timeouts());
            endpoints.marketplace().ifPresent(builder::endpointOverride);
            return builder.build();
        });
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(r -> r.roleArn(roleArn)
                        .roleSessionName("marketgate-" + seller.id())
                        .externalId(seller.externalId())
                        .durationSeconds(3600))
                .build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(
            B builder, Seller seller, Region region, Optional<URI> endpoint) {
        builder.region(region).credentialsProvider(credentials(seller)).overrideConfiguration(timeouts());
        endpoint.ifPresent(builder::endpointOverride);
        if (builder instanceof SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http);
        }
        return builder;
    }

    /** Marketplace clients carry the extension for the fields the pinned SDK does not model. */
    private static ClientOverrideConfiguration marketplace(ClientOverrideConfiguration.Builder builder) {
        return builder.addExecutionInterceptor(WireJsonInterceptor.INSTANCE).build();
    }

    /** Every client, the one behind AssumeRole included, so a hanging STS cannot stall startup unbounded. */
    private ClientOverrideConfiguration timeouts() {
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(apiCallTimeout)
                .build();
    }

    /** Created once per key; a lock rather than computeIfAbsent because creating one client may create another. */
    @SuppressWarnings("unchecked")
    private <C extends AutoCloseable> C client(String key, Supplier<C> create) {
        synchronized (clients) {
            AutoCloseable existing = clients.get(key);
            if (existing == null) {
                existing = create.get();
                clients.put(key, existing);
            }
            return (C) existing;
        }
    }

    @Override
    public void close() {
        synchronized (clients) {
            credentials.values().forEach(provider -> {
                if (provider instanceof AutoCloseable closeable) {
                    closeQuietly(closeable);
                }
            });
            clients.values().forEach(AwsClients::closeQuietly);
        }
        closeQuietly(defaultChain);
        http.close();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // shutting down: nothing useful to do with a close failure
        }
    }
}
