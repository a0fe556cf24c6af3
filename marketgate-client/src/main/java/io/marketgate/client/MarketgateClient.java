package io.marketgate.client;

import io.marketgate.webhooks.WebhookSecret;
import io.marketgate.webhooks.WebhookVerification;
import io.marketgate.webhooks.WebhookVerifier;
import io.marketgate.webhooks.assertion.AssertionKey;
import io.marketgate.webhooks.assertion.AssertionVerification;
import io.marketgate.webhooks.assertion.NonceStore;
import io.marketgate.webhooks.assertion.RegistrationAssertionVerifier;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Marketgate's API for the seller's application: report usage, check access, verify webhooks and the registration
 * assertion. Built once with {@link #builder(URI, String)} and shared: it is thread-safe.
 */
public final class MarketgateClient {

    /** The most events Marketgate takes in one {@code POST /v1/usage}. */
    public static final int MAX_BATCH = 10_000;

    private final Transport transport;
    private final AccessCache accessCache;
    private final int batchSize;
    private final WebhookVerifier webhookVerifier;
    private final RegistrationAssertionVerifier assertionVerifier;

    private MarketgateClient(Builder b) {
        HttpClient http = b.httpClient != null
                ? b.httpClient
                : HttpClient.newBuilder().connectTimeout(b.connectTimeout).build();
        this.transport = new Transport(http, b.baseUrl, b.apiKey, b.requestTimeout, b.retries, b.sleeper);
        this.accessCache = new AccessCache(b.accessCacheTtl, b.clock);
        this.batchSize = b.batchSize;
        this.webhookVerifier = b.webhookVerifier();
        this.assertionVerifier = b.assertionVerifier();
    }

    /**
     * Starts a client for the Marketgate at {@code baseUrl} (e.g. {@code https://marketgate.example.com}) with an
     * API key; reporting usage needs the {@code usage:write} scope, checking access {@code customers:read}.
     */
    public static Builder builder(URI baseUrl, String apiKey) {
        return new Builder(baseUrl, apiKey);
    }

    /**
     * Reports usage events, in batches of up to 10,000, each retried with the same event ids under the
     * {@link RetryPolicy}.
     *
     * @return one result per event, in the given order
     * @throws MarketgateException when a batch fails for good; batches before it were stored, and sending all the
     *     events again is safe (stored ones come back {@code duplicate})
     */
    public UsageReport reportUsage(List<UsageEvent> events) {
        Objects.requireNonNull(events, "events");
        List<UsageResult> results = new ArrayList<>(events.size());
        for (int from = 0; from < events.size(); from += batchSize) {
            List<UsageEvent> batch = events.subList(from, Math.min(events.size(), from + batchSize));
            results.addAll(ApiJson.results(batch, transport.send("POST", "v1/usage", ApiJson.request(batch))));
        }
        return new UsageReport(results);
    }

    /** {@link #reportUsage(List)} for a few events. */
    public UsageReport reportUsage(UsageEvent... events) {
        return reportUsage(List.of(events));
    }

    /**
     * May this customer use the product now? Answers are cached for the configured time (10 s by default).
     *
     * @param customer the Marketgate id, your tenant id, a LicenseArn or a legacy customer id
     * @throws MarketgateException for an unknown customer (status 404) or a failed call
     */
    public Access access(String customer) {
        if (customer == null || customer.isBlank()) {
            throw new IllegalArgumentException("customer is required");
        }
        return accessCache.get(customer, this::fetchAccess);
    }

    /** Forgets the cached access answer of one customer, e.g. on a {@code subscription.changed} webhook. */
    public void invalidateAccess(String customer) {
        accessCache.invalidate(customer);
    }

    /**
     * Verifies a webhook from the request's headers (a multi-valued map, names in any case) and its raw body.
     *
     * @throws IllegalStateException when no webhook secret was configured
     */
    public WebhookVerification verifyWebhook(Map<String, ? extends Collection<String>> headers, byte[] body) {
        return webhookVerifier().verify(headers, body);
    }

    /**
     * Verifies the {@code assertion} query parameter of the redirect that follows a buyer's registration, and uses up
     * its nonce.
     *
     * @throws IllegalStateException when no assertion key was configured
     */
    public AssertionVerification verifyRegistration(String assertion) {
        if (assertionVerifier == null) {
            throw new IllegalStateException("no assertion key configured: call Builder.assertionKey(...)");
        }
        return assertionVerifier.verify(assertion);
    }

    /** The webhook verifier, for frameworks that hand over the three header values separately. */
    public WebhookVerifier webhookVerifier() {
        if (webhookVerifier == null) {
            throw new IllegalStateException("no webhook secret configured: call Builder.webhookSecret(...)");
        }
        return webhookVerifier;
    }

    private Access fetchAccess(String customer) {
        String path = "v1/customers/" + pathSegment(customer) + "/access";
        return ApiJson.access(transport.send("GET", path, null));
    }

    /** Percent-encodes a path segment: LicenseArns and tenant ids may hold ':' or '/'. */
    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Options; only the base URL and the API key are required. */
    public static final class Builder {
        private final URI baseUrl;
        private final String apiKey;
        private HttpClient httpClient;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private RetryPolicy retries = RetryPolicy.DEFAULT;
        private Transport.Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
        private Duration accessCacheTtl = Duration.ofSeconds(10);
        private int batchSize = MAX_BATCH;
        private Clock clock = Clock.systemUTC();
        private final List<WebhookSecret> webhookSecrets = new ArrayList<>();
        private Duration webhookTolerance = WebhookVerifier.DEFAULT_TOLERANCE;
        private final List<AssertionKey> assertionKeys = new ArrayList<>();
        private NonceStore nonceStore;

        private Builder(URI baseUrl, String apiKey) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
                throw new IllegalArgumentException("baseUrl must be an http or https URL");
            }
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("apiKey is required");
            }
            String url = baseUrl.toString();
            this.baseUrl = URI.create(url.endsWith("/") ? url : url + "/");
            this.apiKey = apiKey.strip();
        }

        /** The HTTP client to use (proxy, TLS settings); one with a 5 s connect timeout by default. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /** Timeout of each attempt; 30 s by default. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        /** How failed calls are retried; {@link RetryPolicy#DEFAULT} by default. */
        public Builder retries(RetryPolicy retries) {
            this.retries = Objects.requireNonNull(retries, "retries");
            return this;
        }

        /** How long an access answer is reused; 10 s by default, {@link Duration#ZERO} to ask every time. */
        public Builder accessCacheTtl(Duration ttl) {
            if (ttl == null || ttl.isNegative()) {
                throw new IllegalArgumentException("accessCacheTtl must be zero or positive");
            }
            this.accessCacheTtl = ttl;
            return this;
        }

        /** Events per {@code POST /v1/usage}, 1 to {@link #MAX_BATCH} (the default). */
        public Builder usageBatchSize(int batchSize) {
            if (batchSize < 1 || batchSize > MAX_BATCH) {
                throw new IllegalArgumentException("usageBatchSize must be 1 to " + MAX_BATCH);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** The clock for the access cache and the verifiers; the system UTC clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** A webhook endpoint secret ({@code whsec_...}); call again to accept the old one during a rotation. */
        public Builder webhookSecret(String secret) {
            webhookSecrets.add(WebhookSecret.parse(secret));
            return this;
        }

        /** How far a webhook's timestamp may be from the clock; 5 minutes by default. */
        public Builder webhookTolerance(Duration tolerance) {
            this.webhookTolerance = Objects.requireNonNull(tolerance, "tolerance");
            return this;
        }

        /** The registration assertion key (base64); call again to accept a second key while switching. */
        public Builder assertionKey(String base64Key) {
            assertionKeys.add(AssertionKey.parse(base64Key));
            return this;
        }

        /** Where used assertion nonces are kept; share one across instances of your application. */
        public Builder nonceStore(NonceStore nonceStore) {
            this.nonceStore = Objects.requireNonNull(nonceStore, "nonceStore");
            return this;
        }

        Builder sleeper(Transport.Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        public MarketgateClient build() {
            return new MarketgateClient(this);
        }

        private WebhookVerifier webhookVerifier() {
            if (webhookSecrets.isEmpty()) {
                return null;
            }
            WebhookVerifier.Builder builder =
                    WebhookVerifier.builder().tolerance(webhookTolerance).clock(clock);
            webhookSecrets.forEach(builder::secret);
            return builder.build();
        }

        private RegistrationAssertionVerifier assertionVerifier() {
            if (assertionKeys.isEmpty()) {
                return null;
            }
            RegistrationAssertionVerifier.Builder builder =
                    RegistrationAssertionVerifier.builder(assertionKeys.get(0)).clock(clock);
            assertionKeys.subList(1, assertionKeys.size()).forEach(builder::key);
            if (nonceStore != null) {
                builder.nonceStore(nonceStore);
            }
            return builder.build();
        }
    }
}
