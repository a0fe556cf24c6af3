package io.marketgate.server.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * One HTTP POST of a signed webhook message. The client follows no redirects (a redirect could lead inside
 * the network) and resolves hosts through {@link UrlPolicy}, so every connection is checked, not just the
 * URL as it was saved.
 */
final class HttpWebhookSender implements AutoCloseable {

    static final int EXCERPT_BYTES = 512;

    private final CloseableHttpClient client;

    HttpWebhookSender(UrlPolicy policy, Duration timeout) {
        Timeout limit = Timeout.of(timeout.toMillis(), TimeUnit.MILLISECONDS);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckingResolver(policy))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(limit)
                                .setSocketTimeout(limit)
                                .build())
                        .setMaxConnTotal(20)
                        .setMaxConnPerRoute(4)
                        .build())
                .setDefaultRequestConfig(
                        RequestConfig.custom().setResponseTimeout(limit).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent("Marketgate-Webhooks/1")
                .build();
    }

    /** What one attempt came to; {@code statusCode} is null when no HTTP answer arrived. */
    record Result(Integer statusCode, long latencyMillis, String excerpt, String error) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    Result post(String url, Map<String, String> headers, byte[] body) {
        long started = System.nanoTime();
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        try {
            return client.execute(post, response -> {
                HttpEntity entity = response.getEntity();
                String excerpt = entity == null ? "" : excerpt(entity.getContent());
                return new Result(response.getCode(), millisSince(started), excerpt, null);
            });
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Result(null, millisSince(started), null, message);
        }
    }

    private static String excerpt(InputStream content) throws IOException {
        byte[] bytes = content.readNBytes(EXCERPT_BYTES);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static long millisSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /** The system resolver, refusing any address the policy refuses. */
    private record CheckingResolver(UrlPolicy policy) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
            InetAddress[] allowed = Arrays.stream(addresses)
                    .filter(address -> policy.checkAddress(address).isEmpty())
                    .toArray(InetAddress[]::new);
            if (allowed.length == 0) {
                throw new UnknownHostException(host + " resolves only to addresses webhooks may not reach");
            }
            return allowed;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
        }
    }
}
