package io.marketgate.server.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope an API key needs to call a {@code /v1} endpoint; on a controller method, or on its class for
 * all its methods (the method's wins). A {@code /v1} endpoint without it needs {@link Scope#ADMIN}, so a
 * forgotten annotation closes an endpoint rather than opening it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresScope {
    Scope value();
}
