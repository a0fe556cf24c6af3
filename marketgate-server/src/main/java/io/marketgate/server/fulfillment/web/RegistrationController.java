package io.marketgate.server.fulfillment.web;

import io.marketgate.server.fulfillment.Completion;
import io.marketgate.server.fulfillment.OnboardingSettings;
import io.marketgate.server.fulfillment.PendingAccess;
import io.marketgate.server.fulfillment.PendingRegistration;
import io.marketgate.server.fulfillment.PendingRegistrations;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.Product;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The registration form at {@code /marketplace/register/{id}}: usable once, before it expires, only by the
 * browser holding the pending registration's cookie; its POST carries a CSRF token bound to both.
 */
@Controller
class RegistrationController {

    static final String CSRF_FIELD = "_csrf";

    private final PendingRegistrations pending;
    private final Catalog catalog;
    private final OnboardingSettings settings;
    private final BuyerPages pages;
    private final Completions completions;

    RegistrationController(
            PendingRegistrations pending,
            Catalog catalog,
            OnboardingSettings settings,
            BuyerPages pages,
            Completions completions) {
        this.pending = pending;
        this.catalog = catalog;
        this.settings = settings;
        this.pages = pages;
        this.completions = completions;
    }

    @GetMapping("/marketplace/register/{id}")
    ModelAndView form(@PathVariable("id") String id, HttpServletRequest request, HttpServletResponse response) {
        noStore(response);
        String secret = RegistrationCookie.read(request);
        PendingAccess access = pending.open(id, secret);
        if (!(access instanceof PendingAccess.Open open)) {
            return pages.refused(access, productOf(access));
        }
        PendingRegistration registration = open.pending();
        return formPage(HttpStatus.OK, registration, secret, Map.of(), Map.of());
    }

    @PostMapping(path = "/marketplace/register/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ModelAndView submit(@PathVariable("id") String id, HttpServletRequest request, HttpServletResponse response) {
        noStore(response);
        if (request.getContentLengthLong() > settings.maxFormBytes()) {
            return pages.message(HttpStatus.CONTENT_TOO_LARGE, "form-too-large", null);
        }
        String secret = RegistrationCookie.read(request);
        PendingAccess access = pending.open(id, secret);
        if (!(access instanceof PendingAccess.Open open)) {
            return pages.refused(access, productOf(access));
        }
        PendingRegistration registration = open.pending();
        if (!pending.csrfMatches(id, secret, request.getParameter(CSRF_FIELD))) {
            return pages.message(HttpStatus.FORBIDDEN, "form-expired", registration.productId());
        }
        Product product = catalog.product(registration.productId()).orElse(null);
        if (product == null) {
            return pages.message(HttpStatus.NOT_FOUND, "unknown-product", null);
        }
        RegistrationForm form =
                RegistrationForm.read(request, settings.pages(product.id()).fields());
        if (!form.valid()) {
            return formPage(HttpStatus.BAD_REQUEST, registration, secret, form.values(), form.errors());
        }
        return switch (pending.complete(id, secret, product, form.filled())) {
            case Completion.Completed completed -> completions.sendOn(product, completed.customer(), id);
            case Completion.Refused refused -> pages.refused(refused.why(), product.id());
        };
    }

    @GetMapping("/marketplace/register/{id}/done")
    ModelAndView done(@PathVariable("id") String id, HttpServletRequest request, HttpServletResponse response) {
        noStore(response);
        PendingAccess access = pending.open(id, RegistrationCookie.read(request));
        if (access instanceof PendingAccess.Used used && used.pending().customerId() != null) {
            return catalog.product(used.pending().productId())
                    .map(completions::confirmation)
                    .orElseGet(() -> pages.message(HttpStatus.NOT_FOUND, "unknown-product", null));
        }
        if (access instanceof PendingAccess.Open) {
            return BuyerPages.seeOther(RegistrationCookie.PATH_PREFIX + id);
        }
        return pages.refused(access, productOf(access));
    }

    private ModelAndView formPage(
            HttpStatus status,
            PendingRegistration registration,
            String secret,
            Map<String, String> values,
            Map<String, String> errors) {
        ModelAndView view = new ModelAndView("onboarding/register", status);
        pages.addProduct(view, registration.productId());
        view.addObject("action", RegistrationCookie.PATH_PREFIX + registration.id());
        view.addObject("csrfField", CSRF_FIELD);
        view.addObject("csrf", pending.csrfToken(registration.id(), secret));
        view.addObject("fields", settings.pages(registration.productId()).fields());
        view.addObject("values", values);
        view.addObject("errors", errors);
        view.addObject("freeTrial", "free-trial".equals(registration.offerType()));
        view.addObject("awsAccountId", registration.identity().customerAwsAccountId());
        return view;
    }

    private static String productOf(PendingAccess access) {
        return access instanceof PendingAccess.Used used ? used.pending().productId() : null;
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
