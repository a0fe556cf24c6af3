package io.marketgate.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends JSON requests to Marketgate with the API key, retrying I/O failures, 429 and 5xx answers under the
 * {@link RetryPolicy}. A retry sends the very same body. Never logs, and never puts the key anywhere but the
 * {@code Authorization} header.
 */
final class Transport {

    /** Waits between attempts; replaced in tests so they need not wait. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(1);
    private static final int EXCERPT = 300;

    private final HttpClient http;
    private final URI baseUrl;
    private final String authorization;
    private final Duration requestTimeout;
    private final RetryPolicy retries;
    private final Sleeper sleeper;

    Transport(
            HttpClient http,
            URI baseUrl,
            String apiKey,
            Duration requestTimeout,
            RetryPolicy retries,
            Sleeper sleeper) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.authorization = "Bearer " + apiKey;
        this.requestTimeout = requestTimeout;
        this.retries = retries;
        this.sleeper = sleeper;
    }

    /** Sends a request and returns the parsed JSON of a 2xx answer (null for an empty body). */
    Object send(String method, String path, Object jsonBody) {
        HttpRequest request = request(method, path, jsonBody);
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= retries.maxAttempts();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (last) {
                    throw new MarketgateException(
                            method + " " + path + " failed after " + attempt + " attempt(s): " + e, 0, true, e);
                }
                pause(retries.backoffAfter(attempt), null);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MarketgateException(method + " " + path + " was interrupted", 0, true, e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return parse(method, path, response);
            }
            boolean retryable = status == 429 || status >= 500;
            if (!retryable || last) {
                throw failure(method, path, response, retryable, attempt);
            }
            pause(retries.backoffAfter(attempt), retryAfter(response));
        }
    }

    private HttpRequest request(String method, String path, Object jsonBody) {
        HttpRequest.BodyPublisher body = jsonBody == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Json.write(jsonBody), StandardCharsets.UTF_8);
        HttpRequest.Builder builder = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(requestTimeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .method(method, body);
        if (jsonBody != null) {
            builder.header("Content-Type", "application/json");
        }
        return builder.build();
    }

    private void pause(Duration backoff, Duration retryAfter) {
        // Jitter in [backoff/2, backoff] so that many clients do not retry in step.
        long millis = backoff.toMillis();
        long delay =
                millis <= 1 ? millis : millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1);
        Duration wait = Duration.ofMillis(delay);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarketgateException("interrupted while waiting to retry", 0, true, e);
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Retry-After")
                .filter(value -> value.strip().matches("\\d{1,6}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.strip())))
                .orElse(null);
    }

    private static Object parse(String method, String path, HttpResponse<String> response) {
        if (response.body() == null || response.body().isBlank()) {
            return null;
        }
        try {
            return Json.read(response.body());
        } catch (IllegalArgumentException e) {
            throw new MarketgateException(
                    method + " " + path + " answered " + response.statusCode() + " with a body that is not JSON: "
                            + e.getMessage(),
                    response.statusCode(),
                    false,
                    e);
        }
    }

    private static MarketgateException failure(
            String method, String path, HttpResponse<String> response, boolean retryable, int attempts) {
        int status = response.statusCode();
        StringBuilder message = new StringBuilder(method + " " + path + " answered " + status);
        if (retryable) {
            message.append(" after ").append(attempts).append(" attempt(s)");
        }
        String problem = problemText(response.body());
        if (!problem.isEmpty()) {
            message.append(": ").append(problem);
        }
        return new MarketgateException(message.toString(), status, retryable, null);
    }

    /** The title and detail of an RFC 9457 problem, or an excerpt of any other body. */
    private static String problemText(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            if (Json.read(body) instanceof Map<?, ?> problem
                    && (problem.get("title") != null || problem.get("detail") != null)) {
                Object title = problem.get("title");
                Object detail = problem.get("detail");
                return title == null ? String.valueOf(detail) : detail == null ? title + "" : title + " - " + detail;
            }
        } catch (IllegalArgumentException notJson) {
            // Fall through to the excerpt.
        }
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() > EXCERPT ? oneLine.substring(0, EXCERPT) + "..." : oneLine;
    }
}
