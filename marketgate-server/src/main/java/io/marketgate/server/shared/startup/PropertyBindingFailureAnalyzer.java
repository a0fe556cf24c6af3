package io.marketgate.server.shared.startup;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.ConversionFailedException;

/**
 * Names the property, the value and, for an enum, the accepted values when a {@code marketgate.*}
 * property cannot be bound (e.g. {@code identity-mode: foo}). Runs before Spring Boot's own analyzer,
 * whose multi-line report buries the one fact that matters.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class PropertyBindingFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    private static final Pattern SECRET = Pattern.compile(
            "(secret|password|token|api-key|access-key|signing-key|external-id|credentials?)$",
            Pattern.CASE_INSENSITIVE);

    @Override
    protected FailureAnalysis analyze(Throwable root, BindException cause) {
        ConfigurationProperty property = cause.getProperty();
        String name = property != null
                ? property.getName().toString()
                : cause.getName().toString();
        if (!name.startsWith("marketgate")) {
            return null;
        }
        String value = property != null ? " = '" + shown(name, property.getValue()) + "'" : "";
        String origin = property != null && property.getOrigin() != null ? " (from " + property.getOrigin() + ")" : "";
        return new FailureAnalysis(
                "invalid configuration: " + name + value + origin + ": " + reason(cause),
                "set " + name + " to an accepted value (see docs/configuration.md)",
                cause);
    }

    private static String reason(BindException cause) {
        for (Throwable t = cause.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ConversionFailedException conversion
                    && conversion.getTargetType().getType().isEnum()) {
                return "must be one of "
                        + Arrays.stream(conversion.getTargetType().getType().getEnumConstants())
                                .map(c -> ((Enum<?>) c)
                                        .name()
                                        .toLowerCase(Locale.ROOT)
                                        .replace('_', '-'))
                                .collect(Collectors.joining(", "));
            }
            if (t.getCause() == null) {
                return t.getMessage();
            }
        }
        return cause.getMessage();
    }

    /** The value as configured, unless the property's name says it is a secret: the line goes to logs. */
    static String shown(String name, Object value) {
        return SECRET.matcher(name).find() ? "******" : String.valueOf(value);
    }
}
