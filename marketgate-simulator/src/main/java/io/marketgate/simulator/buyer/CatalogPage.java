package io.marketgate.simulator.buyer;

import static io.marketgate.simulator.buyer.Html.escape;

import io.marketgate.simulator.state.Buyer;
import io.marketgate.simulator.state.Dimension;
import io.marketgate.simulator.state.Product;
import java.util.List;

/** {@code GET /buyer}: the product listings, each with a subscribe form, and the buyer accounts. */
final class CatalogPage {

    private CatalogPage() {}

    static String render(List<Product> products, List<Buyer> buyers) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Products</h1>");
        if (products.isEmpty()) {
            body.append("<div class=\"card\"><p>No products yet. Create one with <code>POST /_sim/products</code>, "
                    + "<code>POST /_sim/demo</code>, or start the simulator with <code>--seed-demo</code>.</p></div>");
        }
        products.forEach(product -> body.append(productCard(product, buyers)));
        body.append(accounts(buyers));
        return Html.page("Products", body.toString());
    }

    private static String productCard(Product product, List<Buyer> buyers) {
        StringBuilder card = new StringBuilder("<section class=\"card product\" data-product=\"")
                .append(escape(product.code()))
                .append("\">");
        card.append("<h2>").append(escape(product.title())).append("</h2>");
        card.append("<div class=\"meta\">Product code <code>")
                .append(escape(product.code()))
                .append("</code> · ")
                .append(escape(product.pricingModel().wireName()))
                .append(" · identity ")
                .append(escape(product.identityMode().wireName()))
                .append(" · seller ")
                .append(escape(product.sellerAccountId()))
                .append("</div>");
        card.append(dimensions(product.dimensions()));
        card.append(SubscribeFormView.render(product, buyers));
        return card.append("</section>").toString();
    }

    private static String dimensions(List<Dimension> dimensions) {
        StringBuilder list =
                new StringBuilder("<table><tr><th>Dimension</th><th>Description</th><th>Billing</th></tr>");
        for (Dimension d : dimensions) {
            list.append("<tr><td><code>")
                    .append(escape(d.key()))
                    .append("</code></td><td>")
                    .append(escape(d.description()))
                    .append("</td><td>")
                    .append(d.metered() ? "metered per use" : "contract quantity")
                    .append("</td></tr>");
        }
        return list.append("</table>").toString();
    }

    private static String accounts(List<Buyer> buyers) {
        StringBuilder section = new StringBuilder("<h1>Your AWS accounts</h1><div class=\"card\">");
        if (buyers.isEmpty()) {
            section.append("<p class=\"note\">No buyer accounts yet; subscribing creates one.</p>");
        } else {
            section.append("<table><tr><th>Account</th><th>Name</th><th></th></tr>");
            for (Buyer buyer : buyers) {
                section.append("<tr><td><code>")
                        .append(escape(buyer.accountId()))
                        .append("</code></td><td>")
                        .append(escape(buyer.name()))
                        .append(buyer.suspended() ? " (suspended)" : "")
                        .append("</td><td><a href=\"/buyer/accounts/")
                        .append(escape(Html.pathSegment(buyer.accountId())))
                        .append("\">Subscriptions</a></td></tr>");
            }
            section.append("</table>");
        }
        return section.append("</div>").toString();
    }
}
