package io.marketgate.server.fulfillment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The registration cookie: Secure everywhere but plain http on localhost, scoped to one registration. */
class RegistrationCookieTest {

    private static MockHttpServletRequest request(String scheme, String host) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/marketplace/fulfillment/demo");
        request.setScheme(scheme);
        request.setSecure("https".equals(scheme));
        request.setServerName(host);
        return request;
    }

    @Test
    void theCookieIsSecureOutsidePlainHttpOnLocalhost() {
        assertThat(RegistrationCookie.header(
                        request("https", "app.example.com"), "abc", "s3cret", Duration.ofMinutes(30)))
                .contains("Secure");
        assertThat(RegistrationCookie.header(
                        request("http", "app.example.com"), "abc", "s3cret", Duration.ofMinutes(30)))
                .as("plain http on a real host still gets Secure: the flow needs https there")
                .contains("Secure");
        assertThat(RegistrationCookie.header(request("https", "localhost"), "abc", "s3cret", Duration.ofMinutes(30)))
                .contains("Secure");
        assertThat(RegistrationCookie.header(request("http", "127.0.0.1"), "abc", "s3cret", Duration.ofMinutes(30)))
                .doesNotContain("Secure");
    }

    @Test
    void theCookieIsHttpOnlyLaxAndScopedToItsRegistration() {
        String header =
                RegistrationCookie.header(request("https", "app.example.com"), "abc", "s3cret", Duration.ofMinutes(30));

        assertThat(header)
                .startsWith("mg_registration=s3cret;")
                .contains("Path=/marketplace/register/abc", "HttpOnly", "SameSite=Lax", "Max-Age=1800");
    }
}
