package io.marketgate.server.fulfillment.web;

import io.marketgate.server.fulfillment.OnboardingSettings;
import io.marketgate.server.fulfillment.PendingAccess;
import io.marketgate.server.fulfillment.ProductPages;
import io.marketgate.server.product.Catalog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The buyer-facing pages' models. Every text comes from the message bundles: a page names its message
 * keys ({@code onboarding.<page>.title} and {@code .text}), the template resolves them in the buyer's locale.
 */
@Component
class BuyerPages {

    private final OnboardingSettings settings;
    private final Catalog catalog;

    BuyerPages(OnboardingSettings settings, Catalog catalog) {
        this.settings = settings;
        this.catalog = catalog;
    }

    /** A page that explains an outcome: {@code onboarding.<page>.title/.text/.hint} in the bundles. */
    ModelAndView message(HttpStatus status, String page, String productId) {
        ModelAndView view = new ModelAndView("onboarding/message", status);
        view.addObject("page", page);
        addProduct(view, productId);
        return view;
    }

    /** The AWS-outage page: 503 with Retry-After, and the way to retry. */
    ModelAndView unavailable(String productId, jakarta.servlet.http.HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, "30");
        return message(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", productId);
    }

    /** The page for a pending registration that cannot be used. */
    ModelAndView refused(PendingAccess access, String productId) {
        return switch (access) {
            case PendingAccess.Unknown unknown -> message(HttpStatus.NOT_FOUND, "unknown-link", productId);
            case PendingAccess.OtherBrowser other -> message(HttpStatus.FORBIDDEN, "other-browser", productId);
            case PendingAccess.Expired expired -> message(HttpStatus.GONE, "link-expired", productId);
            case PendingAccess.Used used -> message(HttpStatus.GONE, "link-used", productId);
            case PendingAccess.Open open -> throw new IllegalArgumentException("an open registration is not refused");
        };
    }

    /** Post/redirect/get: 303, and no model attributes leak into the URL. */
    static ModelAndView seeOther(String url) {
        RedirectView redirect = new RedirectView(url);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        redirect.setContextRelative(true);
        return new ModelAndView(redirect);
    }

    void addProduct(ModelAndView view, String productId) {
        if (productId == null) {
            // Pages that cannot say which product (an unknown link) still show the only product's contacts.
            productId = catalog.onlyProduct().map(p -> p.id()).orElse(null);
        }
        ProductPages pages = productId == null ? null : settings.products().get(productId);
        view.addObject("pages", pages);
        view.addObject(
                "productCode",
                productId == null
                        ? ""
                        : catalog.product(productId).map(p -> p.productCode()).orElse(productId));
    }
}
