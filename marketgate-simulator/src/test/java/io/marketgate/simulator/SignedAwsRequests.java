package io.marketgate.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * SigV4-signed requests built by hand, for operations and protocols the pinned SDK does not know
 * (LICENSE_ARN / CUSTOMER_AWS_ACCOUNT_ID filters, Smithy RPC v2 CBOR). Signed with the SDK's own signer.
 */
public final class SignedAwsRequests {

    /** Headers java.net.http sets itself and refuses to take from the caller. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SignedAwsRequests() {}

    /** Signed as the default account's dummy key, in us-east-1, for {@code aws-marketplace}. */
    public static HttpResponse<byte[]> post(URI endpoint, String path, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        return post(endpoint, path, headers, body, new Scope("AKIDTEST", "us-east-1", "aws-marketplace"));
    }

    /** The credential scope to sign with; a 12-digit access key calls as that account. */
    public record Scope(String accessKeyId, String region, String service) {}

    public static HttpResponse<byte[]> post(
            URI endpoint, String path, Map<String, String> headers, byte[] body, Scope scope)
            throws IOException, InterruptedException {
        SdkHttpFullRequest.Builder unsigned =
                SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint.resolve(path));
        headers.forEach(unsigned::putHeader);
        SdkHttpRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create(scope.accessKeyId(), "secret"))
                        .request(unsigned.build())
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, scope.service())
                        .putProperty(AwsV4HttpSigner.REGION_NAME, scope.region()))
                .request();
        HttpRequest.Builder request =
                HttpRequest.newBuilder(signed.getUri()).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
