package io.marketgate.server.fulfillment;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A buyer's browser at the HTTP level: keeps cookies (path-scoped, as browsers do), does not follow
 * redirects, so tests see every 303.
 */
final class BuyerBrowser {

    static final String FORM = "application/x-www-form-urlencoded";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    BuyerBrowser(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET().build());
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return post(path, FORM, encode(fields));
    }

    /** Posts the token as AWS's form does. */
    HttpResponse<String> fulfill(String product, String token) {
        return postForm("/marketplace/fulfillment/" + product, Map.of("x-amzn-marketplace-token", token));
    }

    static String csrf(String formPage) {
        Matcher matcher = CSRF.matcher(formPage);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF field in the page:\n" + formPage);
        }
        return matcher.group(1);
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private URI uri(String pathOrUrl) {
        return pathOrUrl.startsWith("http")
                ? URI.create(pathOrUrl)
                : URI.create("http://localhost:" + port + pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
