package io.marketgate.server.security.web;

import io.marketgate.server.security.ApiKey;
import io.marketgate.server.security.ApiKeys;
import io.marketgate.server.security.Scope;
import io.marketgate.server.security.Verification;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>} on the seller API ({@code /v1}, key required) and the
 * actuator (health statuses public, health details with an {@code admin} key, everything else
 * {@code admin} only), and applies the per-key rate limit. The OpenAPI document ({@link #PUBLIC_V1_PATHS})
 * is the one public exception under {@code /v1}. Scopes of {@code /v1} endpoints are checked by
 * {@link ScopeInterceptor}, which knows the handler. Presented keys are never logged or echoed.
 */
public final class BearerKeyFilter extends OncePerRequestFilter {

    /** The request attribute holding the authenticated {@link ApiKey}. */
    public static final String KEY_ATTRIBUTE = BearerKeyFilter.class.getName() + ".key";

    private static final String BEARER = "bearer ";

    /**
     * The only {@code /v1} paths served without a key: the API's own OpenAPI document, so that tools and
     * client generators can fetch it before anyone holds a key. It says nothing a key would protect.
     */
    static final Set<String> PUBLIC_V1_PATHS = Set.of("/v1/openapi.yaml", "/v1/openapi.json");

    private enum Access {
        PUBLIC,
        KEY_OPTIONAL,
        KEY_REQUIRED,
        ADMIN_REQUIRED
    }

    private final ApiKeys apiKeys;
    private final RateLimits rateLimits;
    private final ProblemResponses problems;

    BearerKeyFilter(ApiKeys apiKeys, RateLimits rateLimits, ProblemResponses problems) {
        this.apiKeys = apiKeys;
        this.rateLimits = rateLimits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Access access = access(path(request));
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (access == Access.PUBLIC || (access == Access.KEY_OPTIONAL && header == null)) {
            chain.doFilter(request, response);
            return;
        }
        if (header == null) {
            unauthorized(request, response, "Missing API key: send the header Authorization: Bearer <key>.", false);
            return;
        }
        String presented = bearerToken(header);
        Verification verification = presented == null ? new Verification.Invalid() : apiKeys.verify(presented);
        if (!(verification instanceof Verification.Valid valid)) {
            unauthorized(request, response, "The API key is invalid or revoked.", true);
            return;
        }
        ApiKey key = valid.key();
        Optional<Duration> retryAfter = rateLimits.take(key.id());
        if (retryAfter.isPresent()) {
            long seconds = Math.max(1, (retryAfter.get().toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            problems.write(
                    request,
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests with this API key; retry after " + seconds + " s.");
            return;
        }
        if (access == Access.ADMIN_REQUIRED && !key.allows(Scope.ADMIN)) {
            ScopeInterceptor.forbidden(problems, request, response, Scope.ADMIN);
            return;
        }
        request.setAttribute(KEY_ATTRIBUTE, key);
        chain.doFilter(new AuthenticatedRequest(request, key), response);
    }

    private static Access access(String path) {
        if (PUBLIC_V1_PATHS.contains(path)) {
            return Access.PUBLIC;
        }
        if (path.equals("/v1") || path.startsWith("/v1/")) {
            return Access.KEY_REQUIRED;
        }
        if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
            return Access.KEY_OPTIONAL;
        }
        if (path.equals("/actuator") || path.startsWith("/actuator/")) {
            return Access.ADMIN_REQUIRED;
        }
        return Access.PUBLIC;
    }

    /** The decoded, normalised path the container dispatches on (no path parameters, no context path). */
    private static String path(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    private static String bearerToken(String header) {
        if (header.length() <= BEARER.length()
                || !header.substring(0, BEARER.length())
                        .toLowerCase(Locale.ROOT)
                        .equals(BEARER)) {
            return null;
        }
        return header.substring(BEARER.length()).strip();
    }

    private void unauthorized(
            HttpServletRequest request, HttpServletResponse response, String detail, boolean invalidToken)
            throws IOException {
        response.setHeader(
                HttpHeaders.WWW_AUTHENTICATE,
                invalidToken ? "Bearer realm=\"marketgate\", error=\"invalid_token\"" : "Bearer realm=\"marketgate\"");
        problems.write(request, response, HttpStatus.UNAUTHORIZED, detail);
    }

    /**
     * Lets the servlet API see the key: the actuator shows health details when
     * {@code isUserInRole("admin")}, with {@code management.endpoint.health.roles=admin}.
     */
    private static final class AuthenticatedRequest extends HttpServletRequestWrapper {

        private final ApiKey key;

        AuthenticatedRequest(HttpServletRequest request, ApiKey key) {
            super(request);
            this.key = key;
        }

        @Override
        public Principal getUserPrincipal() {
            return key::id;
        }

        @Override
        public String getRemoteUser() {
            return key.id();
        }

        @Override
        public String getAuthType() {
            return "Bearer";
        }

        @Override
        public boolean isUserInRole(String role) {
            return Scope.fromValue(role).map(key::allows).orElse(false);
        }
    }
}
