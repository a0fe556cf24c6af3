package io.marketgate.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The request body size the simulator refuses: 1 MB (1,048,576 bytes) or more, as AWS refuses BatchMeterUsage
 * requests that are not "less than 1 MB"; no other simulator request comes near it. Such a body is refused
 * from its {@code Content-Length} before a byte of it is read, or, sent chunked, as soon as the bytes read
 * reach the limit; it is never buffered whole.
 */
final class BodyLimit {

    static final int MAX_BYTES = 1024 * 1024;

    private BodyLimit() {}

    /**
     * The body, or empty when it reaches the limit. The stream is closed only after a complete read: closing
     * it drains the rest, which for a refused body must wait until the answer is out.
     */
    static Optional<byte[]> read(String contentLength, InputStream in) throws IOException {
        if (declaredLength(contentLength) >= MAX_BYTES) {
            return Optional.empty();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (body.size() + n >= MAX_BYTES) {
                return Optional.empty();
            }
            body.write(buffer, 0, n);
        }
        in.close();
        return Optional.of(body.toByteArray());
    }

    /**
     * The refusal, in each part's error format: the AWS APIs' {@code ValidationException} (400), as for any
     * request that fails a model constraint, and 413 for the control API and the buyer pages. The connection
     * closes, as the body was not read.
     */
    static SimResponse tooLarge(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        boolean awsApi = !path.replaceAll("^/+", "").startsWith("buyer")
                && !path.replaceAll("^/+", "").startsWith("_sim");
        String message = awsApi
                ? "1 validation error detected: Request size of " + MAX_BYTES + " bytes or more failed to satisfy"
                        + " constraint: BatchMeterUsage requests must be less than 1 MB"
                : "request body must be smaller than " + MAX_BYTES + " bytes (1 MB)";
        return ErrorAnswers.of(path, awsApi ? 400 : 413, "ValidationException", message)
                .withHeader("Connection", "close");
    }

    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
