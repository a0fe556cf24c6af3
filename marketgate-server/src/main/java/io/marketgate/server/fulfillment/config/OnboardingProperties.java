package io.marketgate.server.fulfillment.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Buyer onboarding: the fulfillment URL, pending registrations, the registration form and where it ends.
 *
 * @param pendingTtl how long the buyer has between the fulfillment POST and submitting the form
 * @param assertionTtl validity of the signed registration assertion handed to the seller's app
 * @param maxFormSize largest fulfillment or registration form body accepted
 * @param pendingKey secret (≥ 32 characters) signing pending registrations and form CSRF tokens; share it
 *     between instances; when empty a random one is made at start (registrations in progress do not survive
 *     a restart)
 * @param assertionKey 32 to 64 random bytes in base64 signing registration assertions; the seller's app
 *     verifies with the same value ({@code marketgate-webhooks}); when empty a random one is made at start
 *     (only the demo seller page can verify)
 * @param defaults page settings for every product
 * @param products page settings per product id, over the defaults
 */
@ConfigurationProperties("marketgate.onboarding")
public record OnboardingProperties(
        @DefaultValue("30m") Duration pendingTtl,
        @DefaultValue("2m") Duration assertionTtl,
        @DefaultValue("16KB") DataSize maxFormSize,
        String pendingKey,
        String assertionKey,
        @DefaultValue Pages defaults,
        Map<String, Pages> products) {

    public OnboardingProperties {
        products = products == null ? Map.of() : Map.copyOf(products);
    }

    /**
     * Settings of the registration pages; unset values fall back to {@code defaults}.
     *
     * @param sellerUrl where automatic onboarding redirects with {@code ?assertion=…} (https outside localhost)
     * @param signInUrl the seller app's sign-in page for customers who already have an account
     * @param supportEmail support contact shown on every page
     * @param supportUrl support page shown on every page
     * @param manualSla turnaround promised to buyers of manually onboarded products, e.g. "one business day"
     * @param fields the form's fields in order; default: company, contact name, e-mail
     */
    public record Pages(
            URI sellerUrl, URI signInUrl, String supportEmail, URI supportUrl, String manualSla, List<Field> fields) {}

    /**
     * A registration form field.
     *
     * @param name parameter name and key in the customer's fields: lower case, digits and dashes
     * @param label label when the message bundles have no {@code onboarding.field.<name>} entry
     * @param type {@code text} (default) or {@code email}
     * @param required whether the buyer must fill it (default true)
     * @param maxLength longest value in characters (default 200)
     */
    public record Field(String name, String label, String type, Boolean required, Integer maxLength) {}
}
