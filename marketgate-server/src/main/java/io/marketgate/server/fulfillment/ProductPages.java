package io.marketgate.server.fulfillment;

import java.net.URI;
import java.util.List;

/**
 * How one product's onboarding looks and ends.
 *
 * @param sellerUrl where an automatic onboarding sends the buyer with the assertion; null: the demo seller
 *     page in the demo, else a "registered" page
 * @param signInUrl where existing customers sign in, or null
 * @param supportEmail the support contact shown on every page, or null
 * @param supportUrl a support page shown on every page, or null
 * @param manualSla the turnaround promised on the confirmation page of manual onboarding
 */
public record ProductPages(
        URI sellerUrl, URI signInUrl, String supportEmail, URI supportUrl, String manualSla, List<FormField> fields) {

    public ProductPages {
        fields = List.copyOf(fields);
    }
}
