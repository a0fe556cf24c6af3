package io.marketgate.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SigV4-signed awsJson 1.1 requests built by hand, for fields the pinned SDK (2.40.2) does not model yet
 * (LicenseArn) and for scopes the SDK would never sign (wrong service or region).
 */
public final class RawAwsJson {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public record Response(int status, JsonNode body) {
        public String errorType() {
            return body.path("__type").asString(null);
        }

        public String message() {
            return body.path("message").asString(null);
        }
    }

    private final URI endpoint;
    private final String accessKeyId;
    private final String region;
    private final String service;

    public RawAwsJson(URI endpoint, String accessKeyId, String region, String service) {
        this.endpoint = endpoint;
        this.accessKeyId = accessKeyId;
        this.region = region;
        this.service = service;
    }

    /** As the seller (default account), in us-east-1, signed for {@code aws-marketplace}. */
    public static RawAwsJson marketplace(Simulator sim) {
        return new RawAwsJson(sim.endpoint(), "AKIDEXAMPLE", "us-east-1", "aws-marketplace");
    }

    public Response metering(String operation, JsonNode body) throws IOException, InterruptedException {
        return send("AWSMPMeteringService." + operation, JSON.writeValueAsString(body));
    }

    public Response send(String target, String body) throws IOException, InterruptedException {
        SdkHttpRequest unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", target)
                .build();
        SignedRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create(accessKeyId, "dummy-secret-key"))
                        .request(unsigned)
                        .payload(ContentStreamProvider.fromUtf8String(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofString(body));
        signed.request().forEachHeader((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Response(response.statusCode(), json);
    }
}
