package io.marketgate.server.fulfillment.web;

import io.marketgate.server.fulfillment.OnboardingSettings;
import io.marketgate.server.fulfillment.SellerAssertions;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The demo's stand-in for a seller's app (only in the zero-configuration demo): it verifies the
 * registration assertion as a seller's app would and shows what it received. It grants nothing: access
 * follows the subscription (the access check), not the registration.
 */
@Controller
class DemoSellerController {

    private final OnboardingSettings settings;
    private final SellerAssertions assertions;
    private final BuyerPages pages;

    DemoSellerController(OnboardingSettings settings, SellerAssertions assertions, BuyerPages pages) {
        this.settings = settings;
        this.assertions = assertions;
        this.pages = pages;
    }

    @GetMapping(Completions.DEMO_SELLER_PATH)
    ModelAndView show(
            @RequestParam(name = Completions.ASSERTION_PARAMETER, required = false) String assertion,
            HttpServletResponse response) {
        if (!settings.demo()) {
            return pages.message(HttpStatus.NOT_FOUND, "unknown-link", null);
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        SellerAssertions.Check check = assertion == null || assertion.length() > 4096
                ? new SellerAssertions.Check.Invalid("no assertion in the address")
                : assertions.verify(assertion);
        ModelAndView view = new ModelAndView(
                "onboarding/demo-seller",
                check instanceof SellerAssertions.Check.Valid ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
        pages.addProduct(view, null);
        view.addObject("assertion", assertion);
        view.addObject(
                "baseUrl", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
        switch (check) {
            case SellerAssertions.Check.Valid valid -> {
                view.addObject("valid", true);
                view.addObject("claims", valid.claims());
                view.addObject("customerId", valid.claims().get("customerId"));
            }
            case SellerAssertions.Check.Invalid invalid -> {
                view.addObject("valid", false);
                view.addObject("reason", invalid.reason());
            }
        }
        return view;
    }
}
