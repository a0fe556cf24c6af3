package io.marketgate.server.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import io.marketgate.server.aws.AwsClients;
import io.marketgate.testing.Browsers;
import io.marketgate.testing.Piece;
import io.marketgate.testing.Requires;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The zero-configuration demo end to end: a buyer subscribes on the embedded simulator's buyer page in
 * Chromium, and the browser's cross-site form POST lands on Marketgate's fulfillment URL, which answers a page.
 */
@Requires(Piece.CHROMIUM)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoBuyerSubscribesTest {

    @LocalServerPort
    int port;

    @Autowired
    AwsClients aws;

    @Test
    void buyerSubscribingOnTheSimulatorLandsOnMarketgatesFulfillmentPage() {
        URI simulator = aws.endpoints().marketplace().orElseThrow();
        try (Playwright playwright = Playwright.create();
                Browser browser = Browsers.headlessChromium(playwright)) {
            Page page = browser.newPage();
            page.navigate(simulator + "/buyer");
            Locator card = page.locator("section[data-product='demo-product']");
            card.locator("select[name=buyerAccountId]").selectOption("new");
            card.locator("input[name=newBuyerName]").fill("Demo Buyer Ltd");

            Response landing = page.waitForResponse(
                    r -> r.url().endsWith("/marketplace/fulfillment/demo"),
                    () -> card.locator("button[type=submit]").click());

            assertThat(landing.request().method()).isEqualTo("POST");
            assertThat(landing.status()).isEqualTo(200);
            assertThat(landing.url()).startsWith("http://localhost:" + port);
            page.waitForURL("**/marketplace/fulfillment/demo");
            assertThat(page.content()).contains("Thank you for subscribing to demo-product");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "demo-landing.png")));
        }
    }
}
