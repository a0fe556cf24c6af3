package io.marketgate.testing;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Evaluates {@link Requires}: skip outside CI, fail under {@code CI=true}. */
final class RequiresCondition implements ExecutionCondition {

    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<String> missing = new ArrayList<>();
        for (Piece piece : required(context)) {
            if (!piece.present()) {
                missing.add(piece.missingMessage());
            }
        }
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("all required pieces present");
        }
        String message = String.join("; ", missing);
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new ExtensionConfigurationException("CI=true requires every test to run, but " + message);
        }
        if (REPORTED.add(message)) {
            // Surefire does not print why a test was disabled; say it once, on one line.
            System.err.println("Skipping tests that need it: " + message);
        }
        return ConditionEvaluationResult.disabled(message);
    }

    private static Set<Piece> required(ExtensionContext context) {
        Set<Piece> pieces = new LinkedHashSet<>();
        context.getElement().ifPresent(element -> collect(element, pieces));
        context.getTestClass().ifPresent(type -> collect(type, pieces));
        return pieces;
    }

    private static void collect(AnnotatedElement element, Set<Piece> into) {
        AnnotationSupport.findAnnotation(element, Requires.class).ifPresent(r -> into.addAll(List.of(r.value())));
    }
}
