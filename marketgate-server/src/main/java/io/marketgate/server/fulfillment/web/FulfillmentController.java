package io.marketgate.server.fulfillment.web;

import io.marketgate.server.fulfillment.Fulfillment;
import io.marketgate.server.fulfillment.FulfillmentOutcome;
import io.marketgate.server.fulfillment.OnboardingSettings;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.Product;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The fulfillment URL AWS Marketplace posts the buyer's browser to (a cross-site HTML form POST). The token
 * is accepted only in an urlencoded body of bounded size, resolved at once, and never put in a URL, a log
 * line or a cookie; the POST always ends on a working page.
 */
@Controller
class FulfillmentController {

    static final String OFFER_TYPE_FIELD = "x-amzn-marketplace-offer-type";
    /** Real tokens are a few hundred base64 characters; the bound leaves ample room and stops abuse. */
    static final int MAX_TOKEN_LENGTH = 2048;

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9+/=_.~-]{1," + MAX_TOKEN_LENGTH + "}");

    private final Catalog catalog;
    private final Fulfillment fulfillment;
    private final BuyerPages pages;
    private final OnboardingSettings settings;
    private final Completions completions;

    FulfillmentController(
            Catalog catalog,
            Fulfillment fulfillment,
            BuyerPages pages,
            OnboardingSettings settings,
            Completions completions) {
        this.catalog = catalog;
        this.fulfillment = fulfillment;
        this.pages = pages;
        this.settings = settings;
        this.completions = completions;
    }

    @PostMapping(path = "/marketplace/fulfillment/{product}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ModelAndView receive(
            @PathVariable("product") String productId, HttpServletRequest request, HttpServletResponse response) {
        return answer(catalog.product(productId), request, response);
    }

    @PostMapping(path = "/marketplace/fulfillment", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ModelAndView receiveForOnlyProduct(HttpServletRequest request, HttpServletResponse response) {
        return answer(catalog.onlyProduct(), request, response);
    }

    private ModelAndView answer(Optional<Product> found, HttpServletRequest request, HttpServletResponse response) {
        String productId = found.map(Product::id).orElse(null);
        // Checked before any parameter is read, so a token in the URL is never used.
        if (QueryStringToken.present(request.getQueryString())) {
            return pages.message(HttpStatus.BAD_REQUEST, "token-in-address", productId);
        }
        if (request.getContentLengthLong() > settings.maxFormBytes()) {
            return pages.message(HttpStatus.CONTENT_TOO_LARGE, "form-too-large", productId);
        }
        if (found.isEmpty()) {
            return pages.message(HttpStatus.NOT_FOUND, "unknown-product", null);
        }
        Product product = found.get();
        String[] tokens = request.getParameterValues(QueryStringToken.FIELD);
        if (tokens == null || tokens.length == 0 || tokens[0].isBlank()) {
            return pages.message(HttpStatus.BAD_REQUEST, "token-missing", productId);
        }
        if (tokens.length > 1 || !TOKEN.matcher(tokens[0]).matches()) {
            return pages.message(HttpStatus.BAD_REQUEST, "token-malformed", productId);
        }
        FulfillmentOutcome outcome = fulfillment.receive(product, tokens[0], request.getParameter(OFFER_TYPE_FIELD));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return switch (outcome) {
            case FulfillmentOutcome.Pending pending -> {
                String id = pending.started().pending().id();
                response.addHeader(
                        HttpHeaders.SET_COOKIE,
                        RegistrationCookie.header(
                                request, id, pending.started().browserSecret(), settings.pendingTtl()));
                yield BuyerPages.seeOther(RegistrationCookie.PATH_PREFIX + id);
            }
            case FulfillmentOutcome.AlreadyRegistered registered ->
                completions.sendOn(product, registered.customer(), null);
            case FulfillmentOutcome.InvalidToken invalid ->
                pages.message(HttpStatus.BAD_REQUEST, "token-invalid", productId);
            case FulfillmentOutcome.ExpiredToken expired ->
                pages.message(HttpStatus.BAD_REQUEST, "token-expired", productId);
            case FulfillmentOutcome.OtherProduct other ->
                pages.message(HttpStatus.BAD_REQUEST, "token-other-product", productId);
            case FulfillmentOutcome.MissingIdentity missing ->
                pages.message(HttpStatus.BAD_REQUEST, "identity-missing", productId);
            case FulfillmentOutcome.Unavailable unavailable -> pages.unavailable(productId, response);
        };
    }
}
