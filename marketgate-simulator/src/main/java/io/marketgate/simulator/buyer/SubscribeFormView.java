package io.marketgate.simulator.buyer;

import static io.marketgate.simulator.buyer.Html.escape;

import io.marketgate.simulator.state.Buyer;
import io.marketgate.simulator.state.Dimension;
import io.marketgate.simulator.state.Product;
import java.util.List;

/**
 * The subscribe form of one product: buyer account, offer (standard or free trial), contract terms
 * for contracts, optional reseller, and whether payment is held.
 */
final class SubscribeFormView {

    static final String NEW_BUYER = "new";

    private SubscribeFormView() {}

    static String render(Product product, List<Buyer> buyers) {
        String code = escape(product.code());
        StringBuilder form = new StringBuilder("<form method=\"post\" action=\"/buyer/subscribe\">")
                .append("<input type=\"hidden\" name=\"productCode\" value=\"")
                .append(code)
                .append("\">")
                .append("<div class=\"row\"><div>")
                .append(buyerChoice(buyers))
                .append("</div><div>")
                .append("<label>Name of a new account</label><input type=\"text\" name=\"newBuyerName\" ")
                .append("placeholder=\"e.g. Example Corp\"></div></div>")
                .append(offerChoice());
        if (product.pricingModel().hasEntitlements()) {
            form.append(contractTerms(product));
        }
        form.append("<label>Reseller (channel partner) account, for a sale through a reseller</label>")
                .append(
                        "<input type=\"text\" name=\"resellerAccountId\" placeholder=\"12-digit account id, optional\">")
                .append("<div><label class=\"inline\"><input type=\"checkbox\" name=\"holdPayment\" value=\"true\">")
                .append(
                        "Hold payment (the agreement stays pending until the control API succeeds or fails it)</label></div>")
                .append("<div><button type=\"submit\">Subscribe</button></div></form>");
        return form.toString();
    }

    private static String buyerChoice(List<Buyer> buyers) {
        StringBuilder select = new StringBuilder("<label>Buyer AWS account</label><select name=\"buyerAccountId\">");
        for (Buyer buyer : buyers) {
            select.append("<option value=\"")
                    .append(escape(buyer.accountId()))
                    .append("\">")
                    .append(escape(buyer.name()))
                    .append(" (")
                    .append(escape(buyer.accountId()))
                    .append(")</option>");
        }
        return select.append("<option value=\"")
                .append(NEW_BUYER)
                .append("\">Create a new account</option></select>")
                .toString();
    }

    private static String offerChoice() {
        return "<label>Offer</label>"
                + "<label class=\"inline\"><input type=\"radio\" name=\"offerType\" value=\"standard\" checked>Standard</label>"
                + "<label class=\"inline\"><input type=\"radio\" name=\"offerType\" value=\"free-trial\">Free trial</label>";
    }

    private static String contractTerms(Product product) {
        StringBuilder terms = new StringBuilder("<label>Contract duration</label><select name=\"contractMonths\">")
                .append("<option value=\"1\">1 month</option><option value=\"12\" selected>12 months</option>")
                .append("<option value=\"24\">24 months</option><option value=\"36\">36 months</option></select>")
                .append("<div class=\"row\">");
        for (Dimension dimension : product.dimensions()) {
            if (!dimension.metered()) {
                terms.append("<div><label>")
                        .append(escape(dimension.description()))
                        .append(" (<code>")
                        .append(escape(dimension.key()))
                        .append("</code>)</label><input type=\"number\" min=\"0\" ")
                        .append("name=\"")
                        .append(escape(SubscribeForm.QUANTITY_PREFIX + dimension.key()))
                        .append("\" value=\"1\"></div>");
            }
        }
        return terms.append("</div>").toString();
    }
}
