package io.marketgate.server.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.aws.Resolution;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The fulfillment POST: what it accepts, what it refuses, and that refusals store nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FakeResolverConfiguration.class)
class FulfillmentTest {

    private static final String PRODUCT_CODE = "demo-product";

    @LocalServerPort
    int port;

    @Autowired
    FakeCustomerResolver aws;

    @Autowired
    JdbcClient jdbc;

    private BuyerBrowser browser;

    @BeforeEach
    void setUp() {
        browser = new BuyerBrowser(port);
    }

    private long pendingRows() {
        return jdbc.sql("SELECT count(*) FROM pending_registration")
                .query(Long.class)
                .single();
    }

    @Test
    void aResolvedTokenRedirectsWith303ToAnOpaqueRegistrationPageBoundToACookie() {
        String token = aws.newBuyer(PRODUCT_CODE);

        HttpResponse<String> response = browser.fulfill("demo", token);

        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location)
                .matches(".*/marketplace/register/[A-Za-z0-9_-]{24}")
                .doesNotContain(token);
        String id = location.substring(location.lastIndexOf('/') + 1);
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie)
                .contains("HttpOnly", "SameSite=Lax", "Path=/marketplace/register/" + id)
                .doesNotContain(token)
                .doesNotContain("Secure"); // plain http on localhost only
        HttpResponse<String> form = browser.get(location);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Set up your demo-product account", "name=\"company\"");
    }

    @Test
    void theShortUrlServesTheOnlyProduct() {
        HttpResponse<String> response = browser.postForm(
                "/marketplace/fulfillment", Map.of("x-amzn-marketplace-token", aws.newBuyer(PRODUCT_CODE)));

        assertThat(response.statusCode()).isEqualTo(303);
    }

    @Test
    void aTokenResolvingAgainStartsAFreshRegistration() {
        String token = aws.newBuyer(PRODUCT_CODE);

        String first =
                browser.fulfill("demo", token).headers().firstValue("Location").orElseThrow();
        String second =
                browser.fulfill("demo", token).headers().firstValue("Location").orElseThrow();

        assertThat(second).isNotEqualTo(first);
        assertThat(browser.get(second).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/plain", "multipart/form-data; boundary=xyz"})
    void onlyUrlencodedFormsAreAccepted(String contentType) {
        long before = pendingRows();
        int calls = aws.calls();
        String token = aws.newBuyer(PRODUCT_CODE);
        String body = contentType.startsWith("multipart")
                ? "--xyz\r\nContent-Disposition: form-data; name=\"x-amzn-marketplace-token\"\r\n\r\n" + token
                        + "\r\n--xyz--\r\n"
                : "x-amzn-marketplace-token=" + token;

        HttpResponse<String> response = browser.post("/marketplace/fulfillment/demo", contentType, body);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).doesNotContain("Exception");
        assertThat(aws.calls()).isEqualTo(calls);
        assertThat(pendingRows()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "x-amzn-marketplace-token={t}",
                "x%2Damzn-marketplace-token={t}",
                "x%2damzn%2dmarketplace%2dtoken={t}",
                "X-AMZN-MARKETPLACE-TOKEN={t}",
                "X-Amzn-Marketplace-Token={t}",
                "%78%2D%61mzn-marketplace-token={t}",
                "x%252Damzn-marketplace-token={t}",
                "x-amzn-marketplace-token",
                "utm=1&x-amzn-marketplace%2Dtoken={t}",
                "x-amzn-marketplace-token%3D{t}"
            })
    void aTokenInTheAddressIsRefusedHoweverItIsEncoded(String query) {
        int calls = aws.calls();
        String token = aws.newBuyer(PRODUCT_CODE);

        HttpResponse<String> response = browser.post(
                "/marketplace/fulfillment/demo?" + query.replace("{t}", token),
                BuyerBrowser.FORM,
                "x-amzn-marketplace-token=" + token);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("form body");
        assertThat(aws.calls()).isEqualTo(calls);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc<script>", "tok with space", "tok\u00e9", "tok\"quote", "tok;drop"})
    void tokensWithCharactersAwsNeverUsesAreRefusedUnresolved(String token) {
        int calls = aws.calls();

        HttpResponse<String> response = browser.fulfill("demo", token);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Registration token not recognised");
        assertThat(aws.calls()).isEqualTo(calls);
    }

    @Test
    void anOversizedTokenIsRefusedUnresolved() {
        int calls = aws.calls();

        HttpResponse<String> response = browser.fulfill("demo", "A".repeat(2049));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(aws.calls()).isEqualTo(calls);
        assertThat(browser.fulfill("demo", "A".repeat(2048)).statusCode())
                .as("the longest accepted token reaches AWS (which refuses this one)")
                .isEqualTo(400);
        assertThat(aws.calls()).isEqualTo(calls + 1);
    }

    @Test
    void anOversizedFormIsRefused() {
        HttpResponse<String> response = browser.post(
                "/marketplace/fulfillment/demo",
                BuyerBrowser.FORM,
                "x-amzn-marketplace-token=" + aws.newBuyer(PRODUCT_CODE) + "&padding=" + "p".repeat(20_000));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Form too large");
    }

    @Test
    void aMissingTokenAnswersAPageThatSaysWhatToDo() {
        HttpResponse<String> response = browser.post("/marketplace/fulfillment/demo", BuyerBrowser.FORM, "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Set up your account");
    }

    @Test
    void anUnknownProductAnswersANotFoundPageWithoutResolving() {
        int calls = aws.calls();

        HttpResponse<String> response = browser.fulfill("nope", aws.newBuyer(PRODUCT_CODE));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<html", "Unknown product").doesNotContain("Exception");
        assertThat(aws.calls()).isEqualTo(calls);
    }

    @Test
    void invalidExpiredAndForeignTokensGetAClearPageAndStoreNothing() {
        long before = pendingRows();

        HttpResponse<String> invalid = browser.fulfill("demo", "neverIssued");
        HttpResponse<String> expired =
                browser.fulfill("demo", aws.tokenFor(new Resolution.ExpiredToken("Registration token has expired")));
        HttpResponse<String> foreign = browser.fulfill("demo", aws.newBuyer("another-product"));

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("does not recognise");
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(expired.body()).contains("expired");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("different product");
        assertThat(pendingRows()).isEqualTo(before);
        assertThat(invalid.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aResolvedBuyerWithoutTheProductsIdentityKeyIsRefused() {
        long before = pendingRows();
        String token = aws.tokenFor(new Resolution.Resolved(PRODUCT_CODE, "legacy-id", "123456789012", null));

        HttpResponse<String> response = browser.fulfill("demo", token);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("contact support");
        assertThat(pendingRows()).isEqualTo(before);
    }

    @Test
    void anAwsOutageAnswersAPageThatLetsTheBuyerRetry() {
        long before = pendingRows();
        String token = aws.tokenFor(new Resolution.Unavailable("ThrottlingException"));

        HttpResponse<String> response = browser.fulfill("demo", token);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("30");
        assertThat(response.body()).contains("press “Set up your account” again");
        assertThat(pendingRows()).isEqualTo(before);
    }
}
