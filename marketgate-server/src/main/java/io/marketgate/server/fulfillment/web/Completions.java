package io.marketgate.server.fulfillment.web;

import io.marketgate.server.customer.Customer;
import io.marketgate.server.fulfillment.OnboardingSettings;
import io.marketgate.server.fulfillment.ProductPages;
import io.marketgate.server.fulfillment.SellerAssertions;
import io.marketgate.server.product.Onboarding;
import io.marketgate.server.product.Product;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a registered buyer goes: automatic onboarding sends them to the seller's app with a fresh signed
 * assertion (the demo's own seller page in the demo); manual onboarding shows the confirmation page.
 */
@Component
class Completions {

    static final String DEMO_SELLER_PATH = "/demo/seller";
    static final String ASSERTION_PARAMETER = "assertion";

    private final OnboardingSettings settings;
    private final SellerAssertions assertions;
    private final BuyerPages pages;

    Completions(OnboardingSettings settings, SellerAssertions assertions, BuyerPages pages) {
        this.settings = settings;
        this.assertions = assertions;
        this.pages = pages;
    }

    /**
     * @param pendingId the registration just completed (its confirmation page is reached by a 303), or null
     *     when the buyer was recognised at the fulfillment POST (the page is answered at once)
     */
    ModelAndView sendOn(Product product, Customer customer, String pendingId) {
        URI target = sellerUrl(product);
        if (target != null) {
            String url = UriComponentsBuilder.fromUri(target)
                    .queryParam(ASSERTION_PARAMETER, assertions.sign(customer))
                    .build()
                    .toUriString();
            return BuyerPages.seeOther(url);
        }
        if (pendingId != null) {
            return BuyerPages.seeOther(RegistrationCookie.PATH_PREFIX + pendingId + "/done");
        }
        return confirmation(product);
    }

    /** The page of a registered buyer who is not sent to a seller's app. */
    ModelAndView confirmation(Product product) {
        ModelAndView view = pages.message(HttpStatus.OK, confirmationPage(product), product.id());
        view.addObject("sla", settings.pages(product.id()).manualSla());
        return view;
    }

    private String confirmationPage(Product product) {
        return product.onboarding() == Onboarding.MANUAL ? "manual-done" : "registered";
    }

    private URI sellerUrl(Product product) {
        if (product.onboarding() == Onboarding.MANUAL) {
            return null;
        }
        ProductPages productPages = settings.pages(product.id());
        if (productPages.sellerUrl() != null) {
            return productPages.sellerUrl();
        }
        return settings.demo() ? URI.create(DEMO_SELLER_PATH) : null;
    }
}
