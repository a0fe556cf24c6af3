package io.marketgate.server.fulfillment.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Set;
import org.springframework.http.ResponseCookie;

/**
 * The cookie binding a pending registration to the browser that posted the token: a random secret (never
 * the token), HttpOnly, SameSite=Lax (the 303 after AWS's cross-site POST is a top-level GET, which Lax
 * allows), scoped to that registration's path, Secure unless the server is reached over plain http on
 * localhost.
 */
final class RegistrationCookie {

    static final String NAME = "mg_registration";
    static final String PATH_PREFIX = "/marketplace/register/";
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private RegistrationCookie() {}

    static String header(HttpServletRequest request, String pendingId, String secret, Duration maxAge) {
        return ResponseCookie.from(NAME, secret)
                .httpOnly(true)
                .secure(secure(request))
                .sameSite("Lax")
                .path(PATH_PREFIX + pendingId)
                .maxAge(maxAge)
                .build()
                .toString();
    }

    /** The secret the browser sent, or null. */
    static String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static boolean secure(HttpServletRequest request) {
        return request.isSecure() || !LOOPBACK.contains(request.getServerName());
    }
}
