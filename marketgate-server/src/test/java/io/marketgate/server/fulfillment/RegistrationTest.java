package io.marketgate.server.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.marketgate.server.aws.Resolution;
import io.marketgate.server.customer.Customer;
import io.marketgate.server.customer.Customers;
import io.marketgate.server.webhook.Outbox;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** The registration form: one use, one browser, CSRF-protected, validated per field, ending at the seller. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FakeResolverConfiguration.class)
class RegistrationTest {

    @LocalServerPort
    int port;

    @Autowired
    FakeCustomerResolver aws;

    @Autowired
    Customers customers;

    @Autowired
    Outbox outbox;

    private BuyerBrowser browser;

    @BeforeEach
    void setUp() {
        browser = new BuyerBrowser(port);
    }

    private String start(String token) {
        HttpResponse<String> response = browser.fulfill("demo", token);
        assertThat(response.statusCode()).isEqualTo(303);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static Map<String, String> validFields(String csrf) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf);
        fields.put("company", "Acme Ltd");
        fields.put("contact-name", "Ada Buyer");
        fields.put("email", "ada.buyer@gmail.com");
        return fields;
    }

    private HttpResponse<String> submit(String location, Map<String, String> fields) {
        return browser.postForm(location.replaceFirst("^https?://[^/]+", ""), fields);
    }

    @Test
    void completingTheFormCreatesTheCustomerAndSendsTheBuyerToTheSellerWithAnAssertion() {
        String token = aws.newBuyer("demo-product");
        String location = start(token);
        String csrf = BuyerBrowser.csrf(browser.get(location).body());

        HttpResponse<String> done = submit(location, validFields(csrf));

        assertThat(done.statusCode()).isEqualTo(303);
        String seller = done.headers().firstValue("Location").orElseThrow();
        assertThat(seller).contains("/demo/seller?assertion=").doesNotContain(token);
        HttpResponse<String> sellerPage = browser.get(seller);
        assertThat(sellerPage.statusCode()).isEqualTo(200);
        assertThat(sellerPage.body()).contains("The assertion is authentic");
        String customerId = sellerPage.body().replaceAll("(?s).*data-claim=\"customerId\">([^<]+)<.*", "$1");
        Customer customer = customers.byId(customerId).orElseThrow();
        assertThat(List.copyOf(customer.fields().entrySet()))
                .containsExactly(
                        entry("company", "Acme Ltd"),
                        entry("contact-name", "Ada Buyer"),
                        entry("email", "ada.buyer@gmail.com"));
        assertThat(outbox.list(0, customerId, 10)).extracting(e -> e.type()).containsExactly("customer.registered");
        assertThat(browser.get(seller).body()).as("an assertion is single-use").contains("already used");
    }

    @Test
    void aReplayedRegistrationLinkIsRefused() {
        String location = start(aws.newBuyer("demo-product"));
        String csrf = BuyerBrowser.csrf(browser.get(location).body());
        assertThat(submit(location, validFields(csrf)).statusCode()).isEqualTo(303);
        int registered = customers.list("demo", null, null, 1000).size();

        HttpResponse<String> again = browser.get(location);
        HttpResponse<String> resubmitted = submit(location, validFields(csrf));

        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("used already");
        assertThat(resubmitted.statusCode()).isEqualTo(410);
        assertThat(customers.list("demo", null, null, 1000)).hasSize(registered);
    }

    @Test
    void aRegistrationLinkOpenedInAnotherBrowserIsRefused() {
        String location = start(aws.newBuyer("demo-product"));
        String csrf = BuyerBrowser.csrf(browser.get(location).body());
        BuyerBrowser other = new BuyerBrowser(port);

        HttpResponse<String> opened = other.get(location);
        HttpResponse<String> submitted =
                other.postForm(location.replaceFirst("^https?://[^/]+", ""), validFields(csrf));

        assertThat(opened.statusCode()).isEqualTo(403);
        assertThat(opened.body()).contains("same browser");
        assertThat(submitted.statusCode()).isEqualTo(403);
        assertThat(browser.get(location).statusCode())
                .as("the buyer's own browser still may")
                .isEqualTo(200);
    }

    @Test
    void aFormWithoutTheRightCsrfTokenIsRefusedAndStoresNothing() {
        String location = start(aws.newBuyer("demo-product"));
        String csrf = BuyerBrowser.csrf(browser.get(location).body());
        int registered = customers.list("demo", null, null, 1000).size();
        Map<String, String> missing = validFields(csrf);
        missing.remove("_csrf");
        Map<String, String> forged = validFields(csrf.substring(1) + "A");
        Map<String, String> fromAnotherRegistration = validFields(BuyerBrowser.csrf(
                browser.get(start(aws.newBuyer("demo-product"))).body()));

        for (Map<String, String> fields : List.of(missing, forged, fromAnotherRegistration)) {
            HttpResponse<String> response = submit(location, fields);
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("Form expired");
        }
        assertThat(customers.list("demo", null, null, 1000)).hasSize(registered);
        assertThat(submit(location, validFields(csrf)).statusCode()).isEqualTo(303);
    }

    @Test
    void eachInvalidFieldGetsItsOwnMessageAndTheValuesAreKept() {
        String location = start(aws.newBuyer("demo-product"));
        String csrf = BuyerBrowser.csrf(browser.get(location).body());
        Map<String, String> fields = validFields(csrf);
        fields.put("company", "");
        fields.put("contact-name", "x".repeat(201));
        fields.put("email", "not-an-address");

        HttpResponse<String> response = submit(location, fields);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("id=\"error-company\"", "Please fill in this field.")
                .contains("id=\"error-contact-name\"", "Please use at most 200 characters.")
                .contains("id=\"error-email\"", "Please enter an e-mail address")
                .contains("value=\"not-an-address\"");
        fields.put("company", "Acme");
        fields.put("contact-name", "Ada");
        fields.put("email", "ada@yahoo.co.jp");
        fields.put("_csrf", BuyerBrowser.csrf(response.body()));
        assertThat(submit(location, fields).statusCode())
                .as("free-mail addresses are welcome")
                .isEqualTo(303);
    }

    @Test
    void aBuyerWhoRegisteredBeforeIsSentOnWithAFreshAssertion() {
        Resolution.Resolved buyer = new Resolution.Resolved(
                "demo-product", null, "210987654321", "arn:aws:license-manager::111122223333:license:l-returning");
        String location = start(aws.tokenFor(buyer));
        String csrf = BuyerBrowser.csrf(browser.get(location).body());
        assertThat(submit(location, validFields(csrf)).statusCode()).isEqualTo(303);

        HttpResponse<String> again = new BuyerBrowser(port).fulfill("demo", aws.tokenFor(buyer));

        assertThat(again.statusCode()).isEqualTo(303);
        String seller = again.headers().firstValue("Location").orElseThrow();
        assertThat(seller).contains("/demo/seller?assertion=");
        HttpResponse<String> page = browser.get(seller);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("l-returning");
        assertThat(customers.lookup("arn:aws:license-manager::111122223333:license:l-returning"))
                .hasSize(1);
    }

    @Test
    void anUnknownRegistrationLinkAnswersNotFound() {
        HttpResponse<String> response = browser.get("/marketplace/register/doesNotExist");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Registration link not found");
    }
}
