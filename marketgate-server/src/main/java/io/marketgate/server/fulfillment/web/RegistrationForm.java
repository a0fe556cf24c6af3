package io.marketgate.server.fulfillment.web;

import io.marketgate.server.fulfillment.FormField;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The submitted registration form, checked field by field. Errors are message keys
 * ({@code onboarding.error.*}), shown next to their field. Any e-mail provider is accepted (free-mail
 * addresses included): only the shape of the address is checked.
 */
record RegistrationForm(Map<String, String> values, Map<String, String> errors) {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\t]]");

    static RegistrationForm read(HttpServletRequest request, List<FormField> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (FormField field : fields) {
            String[] submitted = request.getParameterValues(field.name());
            String value = submitted == null || submitted.length == 0 ? "" : submitted[0].strip();
            values.put(field.name(), value);
            String error = check(field, value, submitted);
            if (error != null) {
                errors.put(field.name(), error);
            }
        }
        return new RegistrationForm(values, errors);
    }

    private static String check(FormField field, String value, String[] submitted) {
        if (submitted != null && submitted.length > 1) {
            return "onboarding.error.repeated";
        }
        if (value.isEmpty()) {
            return field.required() ? "onboarding.error.required" : null;
        }
        if (value.codePointCount(0, value.length()) > field.maxLength()) {
            return "onboarding.error.too-long";
        }
        if (CONTROL.matcher(value).find()) {
            return "onboarding.error.characters";
        }
        if (field.type() == FormField.Type.EMAIL && !EMAIL.matcher(value).matches()) {
            return "onboarding.error.email";
        }
        return null;
    }

    boolean valid() {
        return errors.isEmpty();
    }

    /** The values to keep: empty optional fields are left out. */
    Map<String, String> filled() {
        Map<String, String> filled = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (!value.isEmpty()) {
                filled.put(name, value);
            }
        });
        return filled;
    }
}
