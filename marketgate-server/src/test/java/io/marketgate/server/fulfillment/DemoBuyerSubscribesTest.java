package io.marketgate.server.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import io.marketgate.server.aws.AwsClients;
import io.marketgate.server.customer.Customer;
import io.marketgate.server.customer.Customers;
import io.marketgate.server.security.ApiKeys;
import io.marketgate.testing.Browsers;
import io.marketgate.testing.Piece;
import io.marketgate.testing.Requires;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The zero-configuration demo end to end, as a buyer's browser lives it: subscribe on the embedded
 * simulator's buyer page in Chromium, AWS's cross-site form POST to the fulfillment URL (ResolveCustomer
 * against the simulator over HTTP), the registration form, and the demo seller page that verifies the
 * assertion. The logs of the whole onboarding never contain the registration token.
 */
@Requires(Piece.CHROMIUM)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class DemoBuyerSubscribesTest {

    @LocalServerPort
    int port;

    @Autowired
    AwsClients aws;

    @Autowired
    Customers customers;

    @Autowired
    ApiKeys apiKeys;

    @Test
    void buyerSubscribesRegistersAndReachesTheSellerWithAVerifiedAssertion(CapturedOutput output) {
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
            assertThat(landing.url()).startsWith("http://localhost:" + port);
            assertThat(landing.status()).as("303 to the registration page").isEqualTo(303);
            String token = tokenOf(landing.request().postData());
            page.waitForURL("**/marketplace/register/*");
            assertThat(page.url()).doesNotContain(token);
            assertThat(page.locator("h1").textContent()).isEqualTo("Set up your demo-product account");
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "demo-register.png")));

            page.locator("#field-company").fill("Demo Buyer Ltd");
            page.locator("#field-contact-name").fill("Dana Demo");
            page.locator("#field-email").fill("dana@gmail.com");
            page.locator("button[type=submit]").click();

            page.waitForURL("**/demo/seller?assertion=*");
            assertThat(page.locator("#verification").textContent()).contains("authentic");
            String customerId = page.locator("dd[data-claim=customerId]").textContent();
            Customer customer = customers.byId(customerId).orElseThrow();
            assertThat(customer.productId()).isEqualTo("demo");
            assertThat(customer.identity().licenseArn()).startsWith("arn:aws:license-manager:");
            assertThat(page.locator("dd[data-claim=licenseArn]").textContent())
                    .isEqualTo(customer.identity().licenseArn());
            assertThat(customer.fields()).containsEntry("email", "dana@gmail.com");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "demo-seller.png")));

            assertThat(output.getAll())
                    .as("no log line carries the registration token")
                    .doesNotContain(token);
            assertThat(output.getAll()).contains("pending registration");
        }
    }

    private static String tokenOf(String formBody) {
        String token = Arrays.stream(formBody.split("&"))
                .filter(pair -> pair.startsWith("x-amzn-marketplace-token="))
                .map(pair -> URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8))
                .findFirst()
                .orElseThrow();
        assertThat(token).hasSizeGreaterThan(16);
        return token;
    }
}
