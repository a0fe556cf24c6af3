package io.marketgate.simulator.sigv4;

import io.marketgate.simulator.http.SimRequest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credential scope of a SigV4-signed request: {@code AKID/yyyyMMdd/region/service/aws4_request}, taken
 * from the {@code Authorization} header or, for presigned URLs, the {@code X-Amz-Credential} query parameter.
 */
public record CredentialScope(String accessKeyId, String date, String region, String service) {

    private static final Pattern HEADER_CREDENTIAL = Pattern.compile("Credential=([^,\\s]+)");

    /** The scope of this request, or empty when it carries no SigV4 credential at all. */
    public static Optional<CredentialScope> of(SimRequest request) {
        Optional<String> authorization = request.header("authorization");
        if (authorization.isPresent()) {
            Matcher matcher = HEADER_CREDENTIAL.matcher(authorization.get());
            return matcher.find() ? parse(matcher.group(1)) : Optional.empty();
        }
        String presigned = request.query().get("X-Amz-Credential");
        return presigned == null ? Optional.empty() : parse(presigned);
    }

    /** Parses {@code AKID/date/region/service/aws4_request}; a malformed value has no scope. */
    public static Optional<CredentialScope> parse(String credential) {
        String[] parts = credential.split("/");
        if (parts.length != 5 || parts[0].isEmpty() || !"aws4_request".equals(parts[4])) {
            return Optional.empty();
        }
        return Optional.of(new CredentialScope(parts[0], parts[1], parts[2], parts[3]));
    }
}
