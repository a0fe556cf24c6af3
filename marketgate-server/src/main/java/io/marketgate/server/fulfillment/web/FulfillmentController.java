package io.marketgate.server.fulfillment.web;

import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.Product;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The fulfillment URL AWS Marketplace posts the buyer's browser to. It accepts the cross-site form POST and
 * always ends on a working page (AWS tests exactly that). Resolving the token and registering the buyer
 * arrive with onboarding; until then the page and the log say plainly that nothing was kept. The token is
 * accepted only in the form body and never logged.
 */
@RestController
class FulfillmentController {

    private static final Logger LOG = LoggerFactory.getLogger(FulfillmentController.class);
    static final String TOKEN_FIELD = "x-amzn-marketplace-token";
    static final String OFFER_TYPE_FIELD = "x-amzn-marketplace-offer-type";

    private final Catalog catalog;

    FulfillmentController(Catalog catalog) {
        this.catalog = catalog;
    }

    @PostMapping(path = "/marketplace/fulfillment/{product}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> receive(
            @PathVariable("product") String productId,
            @RequestParam(name = TOKEN_FIELD, required = false) String token,
            @RequestParam(name = OFFER_TYPE_FIELD, required = false) String offerType,
            HttpServletRequest request) {
        return answer(catalog.product(productId), token, offerType, request);
    }

    @PostMapping(path = "/marketplace/fulfillment", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> receiveForOnlyProduct(
            @RequestParam(name = TOKEN_FIELD, required = false) String token,
            @RequestParam(name = OFFER_TYPE_FIELD, required = false) String offerType,
            HttpServletRequest request) {
        return answer(catalog.onlyProduct(), token, offerType, request);
    }

    private ResponseEntity<String> answer(
            Optional<Product> product, String token, String offerType, HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null && query.contains(TOKEN_FIELD)) {
            // A token in a URL ends up in access logs and browser history: only the form body is accepted.
            return page(
                    400,
                    "Registration token in the address",
                    "The registration token must be posted in the form body, as AWS Marketplace does. "
                            + "Please use \u201cSet up your account\u201d on AWS Marketplace again.");
        }
        if (product.isEmpty()) {
            return page(
                    404,
                    "Unknown product",
                    "This registration link does not match a product served here. "
                            + "Please start again from AWS Marketplace, or contact the seller.");
        }
        if (token == null || token.isBlank()) {
            return page(
                    400,
                    "Registration token missing",
                    "AWS Marketplace did not send a registration token. "
                            + "Please use \u201cSet up your account\u201d on AWS Marketplace again.");
        }
        // Onboarding (ResolveCustomer, registration) is not built yet: say so to the operator and the buyer,
        // never pretend the registration was kept.
        LOG.warn(
                "Fulfillment POST for product '{}' ({} offer) not kept: buyer onboarding is not available in this"
                        + " version; the buyer must use 'Set up your account' again once it is",
                product.get().id(),
                "free-trial".equals(offerType) ? "free-trial" : "standard");
        return page(
                200,
                "Thank you for subscribing to " + product.get().productCode(),
                "Your subscription on AWS Marketplace is in place. Account setup is not available on this server"
                        + " yet, so nothing was registered: please contact the seller, and use \u201cSet up your"
                        + " account\u201d on AWS Marketplace again when they ask you to.");
    }

    private static ResponseEntity<String> page(int status, String title, String message) {
        String html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>%1$s</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
                <h1>%1$s</h1><p>%2$s</p></body></html>
                """.formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(message));
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html);
    }
}
