package io.marketgate.server.fulfillment.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.customer.AwsIdentity;
import io.marketgate.server.customer.Customer;
import io.marketgate.server.fulfillment.FormField;
import io.marketgate.server.fulfillment.OnboardingSettings;
import io.marketgate.server.fulfillment.ProductPages;
import io.marketgate.server.fulfillment.SellerAssertions;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.IdentityMode;
import io.marketgate.server.product.Onboarding;
import io.marketgate.server.product.PricingModel;
import io.marketgate.server.product.Product;
import io.marketgate.server.product.Seller;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Where a registered buyer goes, per onboarding mode and configuration. */
class CompletionsTest {

    private static final Seller SELLER = new Seller("s", "111122223333", null, null, "us-east-1");
    private static final SellerAssertions FAKE_ASSERTIONS = new SellerAssertions() {
        @Override
        public String sign(Customer customer) {
            return "signed-" + customer.id();
        }

        @Override
        public Check verify(String assertion) {
            return new Check.Invalid("not used here");
        }
    };

    private static Product product(String id, Onboarding onboarding) {
        return new Product(
                id,
                "code-" + id,
                SELLER,
                IdentityMode.LICENSE,
                PricingModel.SUBSCRIPTION,
                "us-east-1",
                List.of(),
                onboarding,
                null);
    }

    private static Completions completions(Catalog catalog, boolean demo, URI sellerUrl) {
        ProductPages pages = new ProductPages(
                sellerUrl,
                null,
                "help@example.com",
                null,
                "two business days",
                List.of(new FormField("company", "Company", FormField.Type.TEXT, true, 200)));
        Map<String, ProductPages> byProduct = new java.util.HashMap<>();
        catalog.products().forEach(p -> byProduct.put(p.id(), pages));
        OnboardingSettings settings =
                new OnboardingSettings(Duration.ofMinutes(30), Duration.ofMinutes(2), 16_384, demo, byProduct);
        return new Completions(settings, FAKE_ASSERTIONS, new BuyerPages(settings, catalog));
    }

    private static Customer customer(String productId) {
        return new Customer(
                "cus_1", productId, new AwsIdentity(null, "444455556666", "arn:aws:x"), null, Map.of(), Instant.EPOCH);
    }

    private static String redirectUrl(ModelAndView view) {
        assertThat(view.getView()).isInstanceOf(RedirectView.class);
        RedirectView redirect = (RedirectView) view.getView();
        return redirect.getUrl();
    }

    @Test
    void automaticOnboardingRedirectsToTheSellerUrlWithTheAssertion() {
        Product product = product("app", Onboarding.AUTOMATIC);
        Completions completions = completions(
                new Catalog(List.of(SELLER), List.of(product)), false, URI.create("https://app.example.com/mp?x=1"));

        assertThat(redirectUrl(completions.sendOn(product, customer("app"), "pend1")))
                .isEqualTo("https://app.example.com/mp?x=1&assertion=signed-cus_1");
    }

    @Test
    void manualOnboardingEndsOnTheConfirmationPageWithTheSla() {
        Product product = product("ops", Onboarding.MANUAL);
        Completions completions = completions(
                new Catalog(List.of(SELLER), List.of(product)), false, URI.create("https://ignored.example"));

        assertThat(redirectUrl(completions.sendOn(product, customer("ops"), "pend1")))
                .isEqualTo("/marketplace/register/pend1/done");
        ModelAndView recognised = completions.sendOn(product, customer("ops"), null);
        assertThat(recognised.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(recognised.getModel())
                .containsEntry("page", "manual-done")
                .containsEntry("sla", "two business days");
    }

    @Test
    void theDemoSendsBuyersToItsOwnSellerPageAndOtherwiseNoUrlMeansAConfirmation() {
        Product product = product("demo", Onboarding.AUTOMATIC);
        Catalog catalog = new Catalog(List.of(SELLER), List.of(product));

        assertThat(redirectUrl(completions(catalog, true, null).sendOn(product, customer("demo"), "p")))
                .isEqualTo("/demo/seller?assertion=signed-cus_1");
        assertThat(completions(catalog, false, null)
                        .sendOn(product, customer("demo"), null)
                        .getModel())
                .containsEntry("page", "registered");
    }
}
