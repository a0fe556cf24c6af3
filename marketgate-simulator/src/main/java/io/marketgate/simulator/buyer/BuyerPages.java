package io.marketgate.simulator.buyer;

import io.marketgate.simulator.control.BuyerAccounts;
import io.marketgate.simulator.control.InvalidField;
import io.marketgate.simulator.http.Router;
import io.marketgate.simulator.http.SimHandler;
import io.marketgate.simulator.http.SimRequest;
import io.marketgate.simulator.http.SimResponse;
import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.Buyer;
import io.marketgate.simulator.state.Product;
import io.marketgate.simulator.state.RegistrationToken;
import io.marketgate.simulator.state.SimState;
import java.util.NoSuchElementException;

/**
 * The buyer's side of AWS Marketplace under {@code /buyer}: browse products, subscribe, and be sent to
 * the seller's fulfillment URL by a cross-site form POST, as AWS does.
 */
public final class BuyerPages {

    private final SimState state;

    public BuyerPages(SimState state) {
        this.state = state;
    }

    public void register(Router router) {
        router.get("/buyer", page(r -> html(200, CatalogPage.render(state.products(), state.buyers()))));
        router.post("/buyer/subscribe", page(this::subscribe));
        router.get("/buyer/accounts/{accountId}", page(this::account));
        router.post("/buyer/agreements/{id}/setup", page(this::setUpAgain));
        router.post("/buyer/agreements/{id}/cancel", page(this::cancel));
    }

    private SimResponse subscribe(SimRequest request) {
        var form = request.form();
        Product product = state.product(form.get("productCode"))
                .orElseThrow(() -> new NoSuchElementException("There is no product " + form.get("productCode") + "."));
        SubscribeForm subscribe =
                SubscribeForm.parse(form, product, state.clock().instant());
        Buyer buyer = BuyerAccounts.open(
                state,
                subscribe.buyerAccountId(),
                subscribe.buyerAccountId() == null ? subscribe.newBuyerName() : null);
        if (subscribe.options().offerType() != null && usedFreeTrial(product, buyer)) {
            throw new InvalidField(
                    "offerType",
                    buyer.name() + " has already used the free trial of " + product.title()
                            + "; each AWS account gets one.");
        }
        SimState.Subscription subscription = state.subscribe(product.code(), buyer.accountId(), subscribe.options());
        return fulfillmentPost(product, subscription.agreement(), subscription.token());
    }

    private boolean usedFreeTrial(Product product, Buyer buyer) {
        return state.agreementsOf(product.code()).stream()
                .anyMatch(a -> a.buyerAccountId().equals(buyer.accountId()) && a.freeTrial());
    }

    private SimResponse account(SimRequest request) {
        String accountId = request.pathParam("accountId");
        Buyer buyer = state.findBuyer(accountId)
                .orElseThrow(() -> new NoSuchElementException("There is no buyer account " + accountId + "."));
        var agreements = state.agreements().stream()
                .filter(a -> a.buyerAccountId().equals(accountId))
                .toList();
        return html(200, AccountPage.render(buyer, agreements, code -> state.product(code)
                .orElse(null)));
    }

    /** "Set up your account" clicked again: a fresh token, posted again. */
    private SimResponse setUpAgain(SimRequest request) {
        Agreement agreement = requireAgreement(request);
        return fulfillmentPost(
                state.requireProduct(agreement.productCode()), agreement, state.issueToken(agreement.id()));
    }

    private SimResponse cancel(SimRequest request) {
        Agreement agreement = state.cancel(requireAgreement(request).id());
        return SimResponse.html(303, "")
                .withHeader("Location", "/buyer/accounts/" + Html.pathSegment(agreement.buyerAccountId()));
    }

    private Agreement requireAgreement(SimRequest request) {
        String id = request.pathParam("id");
        return state.agreement(id).orElseThrow(() -> new NoSuchElementException("There is no agreement " + id + "."));
    }

    /** The page carrying the token; not cached, because the token is a credential for ResolveCustomer. */
    private static SimResponse fulfillmentPost(Product product, Agreement agreement, RegistrationToken token) {
        return html(200, FulfillmentPostPage.render(product, agreement, token)).withHeader("Cache-Control", "no-store");
    }

    private static SimResponse html(int status, String page) {
        return SimResponse.html(status, page);
    }

    /** Expected errors become pages: bad input 400, unknown ids 404. */
    private static SimHandler page(SimHandler handler) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (InvalidField e) {
                return html(400, Html.errorPage("Cannot subscribe", e.getMessage()));
            } catch (NoSuchElementException e) {
                return html(404, Html.errorPage("Not found", e.getMessage()));
            }
        };
    }
}
