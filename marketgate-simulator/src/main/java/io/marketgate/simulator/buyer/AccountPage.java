package io.marketgate.simulator.buyer;

import static io.marketgate.simulator.buyer.Html.escape;

import io.marketgate.simulator.control.ControlViews;
import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.AgreementStatus;
import io.marketgate.simulator.state.Buyer;
import io.marketgate.simulator.state.EntitlementGrant;
import io.marketgate.simulator.state.Product;
import java.util.List;
import java.util.function.Function;

/**
 * {@code GET /buyer/accounts/{accountId}}: the buyer's subscriptions, each with "Set up your account"
 * (AWS lets buyers click it again; each click posts a fresh token) and "Cancel subscription".
 */
final class AccountPage {

    private AccountPage() {}

    static String render(Buyer buyer, List<Agreement> agreements, Function<String, Product> products) {
        StringBuilder body = new StringBuilder("<h1>Subscriptions of ")
                .append(escape(buyer.name()))
                .append("</h1>")
                .append("<div class=\"meta\">AWS account <code>")
                .append(escape(buyer.accountId()))
                .append("</code>")
                .append(buyer.suspended() ? " · suspended" : "")
                .append("</div><div class=\"card\">");
        if (agreements.isEmpty()) {
            body.append("<p class=\"note\">No subscriptions yet. <a href=\"/buyer\">Browse products</a>.</p>");
        } else {
            body.append("<table><tr><th>Product</th><th>Agreement</th><th>Status</th><th>Terms</th><th></th></tr>");
            agreements.forEach(a -> body.append(row(a, products.apply(a.productCode()))));
            body.append("</table>");
        }
        return Html.page("Subscriptions", body.append("</div>").toString());
    }

    private static String row(Agreement agreement, Product product) {
        String title = product == null ? agreement.productCode() : product.title();
        return "<tr data-agreement=\"" + escape(agreement.id()) + "\"><td>" + escape(title) + "</td><td><code>"
                + escape(agreement.id()) + "</code>" + (agreement.freeTrial() ? "<br>free trial" : "")
                + (agreement.resellerAccountId() != null
                        ? "<br>via reseller <code>" + escape(agreement.resellerAccountId()) + "</code>"
                        : "")
                + "</td><td class=\"status\">" + escape(ControlViews.status(agreement.status())) + "</td><td>"
                + terms(agreement.entitlements()) + "</td><td>" + actions(agreement) + "</td></tr>";
    }

    private static String terms(List<EntitlementGrant> grants) {
        if (grants.isEmpty()) {
            return "pay as you go";
        }
        StringBuilder out = new StringBuilder();
        for (EntitlementGrant grant : grants) {
            out.append("<code>")
                    .append(escape(grant.dimension()))
                    .append("</code> ")
                    .append(escape(grant.value()));
            if (grant.expiration() != null) {
                out.append(" until ")
                        .append(escape(grant.expiration().toString().substring(0, 10)));
            }
            out.append("<br>");
        }
        return out.toString();
    }

    private static String actions(Agreement agreement) {
        boolean live = agreement.status() == AgreementStatus.PENDING || agreement.status() == AgreementStatus.ACTIVE;
        if (!live) {
            return "";
        }
        String base = "/buyer/agreements/" + escape(Html.pathSegment(agreement.id()));
        return "<form method=\"post\" action=\"" + base
                + "/setup\"><button type=\"submit\">Set up your account</button></form>"
                + "<form method=\"post\" action=\"" + base + "/cancel\"><button type=\"submit\" class=\"secondary\">"
                + "Cancel subscription</button></form>";
    }
}
