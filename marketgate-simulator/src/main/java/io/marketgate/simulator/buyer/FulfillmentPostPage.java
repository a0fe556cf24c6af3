package io.marketgate.simulator.buyer;

import static io.marketgate.simulator.buyer.Html.escape;

import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.Product;
import io.marketgate.simulator.state.RegistrationToken;

/**
 * What AWS does when the buyer clicks "Set up your account": an HTML form POSTed by the browser,
 * cross-site, to the product's fulfillment URL with {@code x-amzn-marketplace-token} (and
 * {@code x-amzn-marketplace-offer-type=free-trial} for trials), encoded
 * {@code application/x-www-form-urlencoded}. The token travels only in the form body, never in a URL.
 */
final class FulfillmentPostPage {

    static final String TOKEN_FIELD = "x-amzn-marketplace-token";
    static final String OFFER_TYPE_FIELD = "x-amzn-marketplace-offer-type";

    private FulfillmentPostPage() {}

    static String render(Product product, Agreement agreement, RegistrationToken token) {
        String summary = "<div class=\"card\"><h2>Subscribed to " + escape(product.title()) + "</h2>"
                + "<div class=\"meta\">Agreement <code>" + escape(agreement.id()) + "</code> · account <code>"
                + escape(agreement.buyerAccountId()) + "</code>" + (agreement.freeTrial() ? " · free trial" : "")
                + "</div>";
        if (product.fulfillmentUrl() == null) {
            return Html.page(
                    "Subscribed",
                    summary + "<p>This product has no fulfillment URL, so nothing is posted."
                            + " Its registration token (for ResolveCustomer) is:</p><p><code id=\"registration-token\">"
                            + escape(token.token()) + "</code></p></div>");
        }
        return Html.page(
                "Set up your account",
                summary + "<p>Taking you to the seller's site at <code>"
                        + escape(product.fulfillmentUrl()) + "</code> to set up your account.</p>"
                        + form(product, agreement, token) + "</div>"
                        + "<script>document.getElementById('fulfillment').submit();</script>");
    }

    private static String form(Product product, Agreement agreement, RegistrationToken token) {
        StringBuilder form = new StringBuilder("<form id=\"fulfillment\" method=\"post\" action=\"")
                .append(escape(product.fulfillmentUrl()))
                .append("\" enctype=\"application/x-www-form-urlencoded\">")
                .append(hidden(TOKEN_FIELD, token.token()));
        if (agreement.freeTrial()) {
            form.append(hidden(OFFER_TYPE_FIELD, "free-trial"));
        }
        return form.append("<noscript><button type=\"submit\">Set up your account</button></noscript></form>")
                .toString();
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
    }
}
