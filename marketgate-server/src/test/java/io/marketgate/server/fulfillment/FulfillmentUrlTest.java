package io.marketgate.server.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.HttpTestClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The fulfillment URL accepts AWS's form POST and always ends on a page, never an error trace. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class FulfillmentUrlTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String TOKEN = "c2VjcmV0LXJlZ2lzdHJhdGlvbi10b2tlbg";

    @LocalServerPort
    int port;

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient(port);
    }

    @Test
    void postWithTokenToTheProductsUrlAnswersAPage(CapturedOutput output) {
        HttpResponse<String> response = http.send(
                "POST",
                "/marketplace/fulfillment/demo",
                FORM,
                "x-amzn-marketplace-token=" + TOKEN + "&x-amzn-marketplace-offer-type=free-trial");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("demo-product");
        assertThat(output.getAll()).as("the registration token is never logged").doesNotContain(TOKEN);
    }

    @Test
    void tokenInTheAddressIsRefusedBecauseUrlsEndUpInLogs() {
        HttpResponse<String> response =
                http.send("POST", "/marketplace/fulfillment/demo?x-amzn-marketplace-token=" + TOKEN, FORM, "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("form body");
    }

    @Test
    void shortUrlServesTheOnlyProduct() {
        HttpResponse<String> response =
                http.send("POST", "/marketplace/fulfillment", FORM, "x-amzn-marketplace-token=" + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("demo-product");
    }

    @Test
    void missingTokenAnswersAPageThatSaysWhatToDo() {
        HttpResponse<String> response = http.send("POST", "/marketplace/fulfillment/demo", FORM, "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Set up your account");
    }

    @Test
    void unknownProductAnswersNotFoundPage() {
        HttpResponse<String> response =
                http.send("POST", "/marketplace/fulfillment/nope", FORM, "x-amzn-marketplace-token=" + TOKEN);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<html").doesNotContain("Exception");
    }
}
