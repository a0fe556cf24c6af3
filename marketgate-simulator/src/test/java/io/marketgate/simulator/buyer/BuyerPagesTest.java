package io.marketgate.simulator.buyer;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.simulator.ControlClient;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.AgreementStatus;
import io.marketgate.simulator.state.Buyer;
import io.marketgate.simulator.state.Dimension;
import io.marketgate.simulator.state.IdentityMode;
import io.marketgate.simulator.state.PricingModel;
import io.marketgate.simulator.state.Product;
import io.marketgate.simulator.state.SubscribeOptions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BuyerPagesTest {

    private static final String BUYER = "222233334444";

    private Simulator sim;
    private ControlClient client;

    @BeforeEach
    void start() {
        sim = Simulator.builder().port(0).seed(3).build().start();
        client = new ControlClient(sim.endpoint());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void buyerPageEscapesProductTitlesAndBuyerNames() {
        sim.state()
                .putProduct(product(
                        "evil",
                        "<script>alert('t')</script> & Co",
                        PricingModel.SUBSCRIPTION,
                        "https://seller.example/f"));
        sim.state().putBuyer(new Buyer(BUYER, "CUST1", "\"><img src=x onerror=alert(1)>", false));

        String page = client.get("/buyer").body();

        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x");
        assertThat(page).contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; &amp; Co");
        assertThat(page).contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void contractProductsAskForQuantitiesOfNonMeteredDimensionsOnly() {
        sim.state().putProduct(product("c", "Contract", PricingModel.CONTRACT_WITH_CONSUMPTION, null));

        String page = client.get("/buyer").body();

        assertThat(page)
                .contains("name=\"quantity.seats\"")
                .doesNotContain("name=\"quantity.calls\"")
                .contains("name=\"contractMonths\"");
    }

    @Test
    void subscribingAnswersWithAFormPostingTheTokenToTheFulfillmentUrl() {
        sim.state().putProduct(product("p", "Product", PricingModel.SUBSCRIPTION, "https://seller.example/f?a=1&b=2"));

        var reply = client.postForm(
                "/buyer/subscribe", "productCode=p&buyerAccountId=new&newBuyerName=Example+Corp&offerType=free-trial");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        Agreement agreement = sim.state().agreements().getFirst();
        String token = sim.state().issueToken(agreement.id()).token();
        assertThat(token).isNotBlank();
        assertThat(reply.body())
                .contains("<form id=\"fulfillment\" method=\"post\" action=\"https://seller.example/f?a=1&amp;b=2\"")
                .contains("enctype=\"application/x-www-form-urlencoded\"")
                .contains("name=\"x-amzn-marketplace-token\" value=\"")
                .contains("name=\"x-amzn-marketplace-offer-type\" value=\"free-trial\"")
                .contains("<noscript><button type=\"submit\">Set up your account</button></noscript>");
        assertThat(sim.state().findBuyer(agreement.buyerAccountId()))
                .get()
                .extracting(Buyer::name)
                .isEqualTo("Example Corp");
        assertThat(agreement.status()).isEqualTo(AgreementStatus.ACTIVE);
    }

    @Test
    void aStandardOfferPostsNoOfferType() {
        sim.state().putProduct(product("p", "Product", PricingModel.SUBSCRIPTION, "https://seller.example/f"));

        var reply =
                client.postForm("/buyer/subscribe", "productCode=p&buyerAccountId=" + BUYER + "&offerType=standard");

        assertThat(reply.body()).contains("x-amzn-marketplace-token").doesNotContain("x-amzn-marketplace-offer-type");
    }

    @Test
    void eachAccountGetsOneFreeTrialPerProduct() {
        sim.state().putProduct(product("p", "Product", PricingModel.SUBSCRIPTION, "https://seller.example/f"));
        String form = "productCode=p&buyerAccountId=" + BUYER + "&offerType=free-trial";
        client.postForm("/buyer/subscribe", form);

        var second = client.postForm("/buyer/subscribe", form);

        assertThat(second.status()).isEqualTo(400);
        assertThat(second.body()).contains("already used the free trial");
        assertThat(sim.state().agreements()).hasSize(1);
    }

    @Test
    void badFormInputIsA400PageNamingTheProblem() {
        sim.state().putProduct(product("c", "Contract", PricingModel.CONTRACT, null));

        var reseller = client.postForm(
                "/buyer/subscribe", "productCode=c&buyerAccountId=new&resellerAccountId=abc&quantity.seats=1");
        var noQuantity = client.postForm("/buyer/subscribe", "productCode=c&buyerAccountId=new&quantity.seats=0");
        var unknown = client.postForm("/buyer/subscribe", "productCode=none&buyerAccountId=new");

        assertThat(reseller.status()).isEqualTo(400);
        assertThat(reseller.body()).contains("reseller account must be a 12-digit AWS account id");
        assertThat(noQuantity.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(sim.state().agreements()).isEmpty();
    }

    @Test
    void productWithoutFulfillmentUrlShowsTheTokenInThePageNotInAUrl() {
        sim.state().putProduct(product("p", "Product", PricingModel.SUBSCRIPTION, null));

        var reply = client.postForm("/buyer/subscribe", "productCode=p&buyerAccountId=" + BUYER);

        assertThat(reply.body()).contains("id=\"registration-token\"").doesNotContain("<form id=\"fulfillment\"");
        assertThat(reply.header("Location")).isNull();
    }

    @Test
    void setUpAgainPostsAFreshTokenAndCancelRedirectsToTheAccountPage() {
        sim.state().putProduct(product("p", "Product", PricingModel.SUBSCRIPTION, "https://seller.example/f"));
        var subscription = sim.state().subscribe("p", BUYER, SubscribeOptions.standard());
        String id = subscription.agreement().id();

        var account = client.get("/buyer/accounts/" + BUYER);
        var again = client.postForm("/buyer/agreements/" + id + "/setup", "");
        var cancel = client.postForm("/buyer/agreements/" + id + "/cancel", "");

        assertThat(account.body())
                .contains("/buyer/agreements/" + id + "/setup")
                .contains("Cancel subscription");
        assertThat(again.body())
                .contains("x-amzn-marketplace-token")
                .doesNotContain(subscription.token().token());
        assertThat(cancel.status()).isEqualTo(303);
        assertThat(cancel.header("Location")).isEqualTo("/buyer/accounts/" + BUYER);
        assertThat(sim.state().requireAgreement(id).status()).isEqualTo(AgreementStatus.UNSUBSCRIBE_PENDING);
        assertThat(client.get("/buyer/accounts/999999999999").status()).isEqualTo(404);
    }

    static Product product(String code, String title, PricingModel model, String fulfillmentUrl) {
        List<Dimension> dimensions =
                switch (model) {
                    case SUBSCRIPTION -> List.of(new Dimension("calls", "API calls", true));
                    case CONTRACT -> List.of(new Dimension("seats", "Seats", false));
                    case CONTRACT_WITH_CONSUMPTION ->
                        List.of(new Dimension("seats", "Seats", false), new Dimension("calls", "API calls", true));
                };
        return new Product(
                code, title, "111122223333", IdentityMode.LICENSE, model, dimensions, fulfillmentUrl, null, null);
    }
}
