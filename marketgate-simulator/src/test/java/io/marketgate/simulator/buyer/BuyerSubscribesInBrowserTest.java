package io.marketgate.simulator.buyer;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.marketgate.simulator.AwsClients;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.Buyer;
import io.marketgate.simulator.state.PricingModel;
import io.marketgate.simulator.state.RegistrationToken;
import io.marketgate.testing.Browsers;
import io.marketgate.testing.Piece;
import io.marketgate.testing.Requires;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.ResolveCustomerResponse;

/** A buyer subscribes in headless Chromium and the seller's fulfillment URL receives AWS's form POST. */
@Requires(Piece.CHROMIUM)
class BuyerSubscribesInBrowserTest {

    private static final String BUYER = "222233334444";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Playwright playwright;
    private static Browser browser;
    private Simulator sim;
    private FulfillmentReceiver seller;
    private BrowserContext context;

    @BeforeAll
    static void launchBrowser() {
        playwright = Playwright.create();
        browser = Browsers.headlessChromium(playwright);
    }

    @AfterAll
    static void closeBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void start() throws Exception {
        sim = Simulator.builder().port(0).seed(5).build().start();
        seller = new FulfillmentReceiver();
        sim.state()
                .putProduct(BuyerPagesTest.product(
                        "browser-product", "Browser Product", PricingModel.SUBSCRIPTION, seller.url()));
        sim.state()
                .putProduct(BuyerPagesTest.product(
                        "browser-contract", "Browser Contract", PricingModel.CONTRACT_WITH_CONSUMPTION, seller.url()));
        sim.state().putBuyer(new Buyer(BUYER, "CUSTBROWSER1", "Example Corp", false));
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
        seller.close();
        sim.close();
    }

    @Test
    void freeTrialSubscriptionPostsTheTokenAndOfferTypeToTheFulfillmentUrl() throws Exception {
        Page page = openBuyerPage(true);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("buyer-page.png"))
                .setFullPage(true));
        Locator card = page.locator("section[data-product='browser-product']");
        card.locator("select[name=buyerAccountId]").selectOption(BUYER);
        card.locator("input[name=offerType][value=free-trial]").check();

        card.locator("button[type=submit]").click();
        page.waitForURL(seller.url());

        FulfillmentReceiver.Received post = seller.next();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("fulfillment-landing.png")));
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(post.query()).as("the token never travels in a URL").isNull();
        assertThat(post.form()).containsEntry("x-amzn-marketplace-offer-type", "free-trial");
        RegistrationToken token =
                sim.state().token(post.form().get("x-amzn-marketplace-token")).orElseThrow();
        var agreement = sim.state().requireAgreement(token.agreementId());
        assertThat(agreement.productCode()).isEqualTo("browser-product");
        assertThat(agreement.buyerAccountId()).isEqualTo(BUYER);
        assertThat(agreement.freeTrial()).isTrue();
        assertTokenResolvesOverTheWire(post.form().get("x-amzn-marketplace-token"), agreement);
    }

    /** The seller resolves the posted token with the real SDK, as its fulfillment handler would. */
    private void assertTokenResolvesOverTheWire(String token, Agreement agreement) {
        try (MarketplaceMeteringClient metering = AwsClients.metering(sim)) {
            ResolveCustomerResponse resolved = metering.resolveCustomer(r -> r.registrationToken(token));
            assertThat(resolved.productCode()).isEqualTo(agreement.productCode());
            assertThat(resolved.customerAWSAccountId()).isEqualTo(BUYER);
        }
    }

    @Test
    void contractThroughAResellerCarriesTheChosenTermsAndNoOfferType() throws Exception {
        Page page = openBuyerPage(true);
        Locator card = page.locator("section[data-product='browser-contract']");
        card.locator("select[name=buyerAccountId]").selectOption("new");
        card.locator("input[name=newBuyerName]").fill("New Buyer KK");
        card.locator("input[name='quantity.seats']").fill("25");
        card.locator("input[name=resellerAccountId]").fill("999988887777");

        card.locator("button[type=submit]").click();
        page.waitForURL(seller.url());

        FulfillmentReceiver.Received post = seller.next();
        assertThat(post.form()).containsOnlyKeys("x-amzn-marketplace-token");
        var agreement = sim.state()
                .requireAgreement(sim.state()
                        .token(post.form().get("x-amzn-marketplace-token"))
                        .orElseThrow()
                        .agreementId());
        assertThat(agreement.resellerAccountId()).isEqualTo("999988887777");
        assertThat(agreement.entitlements()).singleElement().satisfies(grant -> {
            assertThat(grant.dimension()).isEqualTo("seats");
            assertThat(grant.value()).isEqualTo(25);
        });
        assertThat(sim.state()
                        .findBuyer(agreement.buyerAccountId())
                        .orElseThrow()
                        .name())
                .isEqualTo("New Buyer KK");
    }

    @Test
    void withoutJavaScriptTheBuyerClicksSetUpYourAccountAgainFromTheSubscriptionsList() throws Exception {
        var first = sim.state()
                .subscribe("browser-product", BUYER, io.marketgate.simulator.state.SubscribeOptions.standard());
        Page page = openPage(false, sim.endpoint() + "/buyer/accounts/" + BUYER);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("buyer-subscriptions.png")));

        page.locator("button:has-text('Set up your account')").click();
        page.waitForURL(
                sim.endpoint() + "/buyer/agreements/" + first.agreement().id() + "/setup");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("set-up-your-account.png")));
        page.locator("#fulfillment button[type=submit]").click();
        page.waitForURL(seller.url());

        FulfillmentReceiver.Received post = seller.next();
        String token = post.form().get("x-amzn-marketplace-token");
        assertThat(token).isNotEqualTo(first.token().token());
        assertThat(sim.state().token(token).orElseThrow().agreementId())
                .isEqualTo(first.agreement().id());
    }

    private Page openBuyerPage(boolean javaScript) {
        return openPage(javaScript, sim.endpoint() + "/buyer");
    }

    private Page openPage(boolean javaScript, String url) {
        context = browser.newContext(
                new Browser.NewContextOptions().setJavaScriptEnabled(javaScript).setViewportSize(1100, 900));
        Page page = context.newPage();
        page.navigate(url);
        return page;
    }
}
