package io.marketgate.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test that needs a piece a fresh machine may lack. Outside CI the test is skipped with a
 * one-line message saying how to get the piece; under {@code CI=true} a missing piece fails the test,
 * so CI can never pass by skipping.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(RequiresCondition.class)
public @interface Requires {

    Piece[] value();
}
