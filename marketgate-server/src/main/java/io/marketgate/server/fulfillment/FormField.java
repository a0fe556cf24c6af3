package io.marketgate.server.fulfillment;

/**
 * One field of a product's registration form.
 *
 * @param name the form parameter and the key in the customer's fields, e.g. {@code company}
 * @param label the label shown when the message bundles have no {@code onboarding.field.<name>} entry
 * @param type how the value is checked (an e-mail address must look like one; any provider is welcome)
 * @param maxLength longest accepted value, in characters
 */
public record FormField(String name, String label, Type type, boolean required, int maxLength) {

    public enum Type {
        TEXT,
        EMAIL
    }
}
