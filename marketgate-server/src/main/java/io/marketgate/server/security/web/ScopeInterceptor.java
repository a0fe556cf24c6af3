package io.marketgate.server.security.web;

import io.marketgate.server.security.ApiKey;
import io.marketgate.server.security.RequiresScope;
import io.marketgate.server.security.Scope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks the scope a {@code /v1} handler declares with {@link RequiresScope} (method first, then class);
 * a handler without it requires {@link Scope#ADMIN}. Runs after {@link BearerKeyFilter} authenticated the
 * key; a {@code /v1} handler reached without one is refused too, in case the filter was left out.
 */
final class ScopeInterceptor implements HandlerInterceptor {

    private final ProblemResponses problems;

    ScopeInterceptor(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!(handler instanceof HandlerMethod method)) {
            return true; // no controller (e.g. an unknown path): nothing to protect, the answer is a 404
        }
        Scope required = required(method);
        if (!(request.getAttribute(BearerKeyFilter.KEY_ATTRIBUTE) instanceof ApiKey key)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"marketgate\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "Missing API key.");
            return false;
        }
        if (!key.allows(required)) {
            forbidden(problems, request, response, required);
            return false;
        }
        return true;
    }

    static Scope required(HandlerMethod method) {
        RequiresScope annotation = method.getMethodAnnotation(RequiresScope.class);
        if (annotation == null) {
            annotation = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresScope.class);
        }
        return annotation == null ? Scope.ADMIN : annotation.value();
    }

    static void forbidden(
            ProblemResponses problems, HttpServletRequest request, HttpServletResponse response, Scope required)
            throws IOException {
        response.setHeader(
                HttpHeaders.WWW_AUTHENTICATE,
                "Bearer realm=\"marketgate\", error=\"insufficient_scope\", scope=\"" + required.value() + "\"");
        problems.write(
                request, response, HttpStatus.FORBIDDEN, "This API key lacks the scope " + required.value() + ".");
    }
}
