package io.marketgate.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Webhook URLs never reach into the network Marketgate runs in, unless that is explicitly allowed. */
class UrlPolicyTest {

    private final UrlPolicy production = new UrlPolicy(false, false, false);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1/hook",
                "https://localhost/hook",
                "https://[::1]/hook",
                "https://10.1.2.3/hook",
                "https://172.16.0.9/hook",
                "https://192.168.1.1/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/hook",
                "https://0.0.0.0/hook",
                "https://[fd00::1]/hook",
                "https://[fe80::1]/hook",
                "https://[::ffff:10.0.0.1]/hook",
                "https://224.0.0.1/hook"
            })
    void internalAddressesAreRefused(String url) {
        assertThat(production.problem(url))
                .hasValueSatisfying(problem -> assertThat(problem).contains("not allowed"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://93.184.215.14/hook",
                "ftp://93.184.215.14/hook",
                "https://user:pw@93.184.215.14/hook",
                "https://93.184.215.14/hook#fragment",
                "not a url",
                "/relative",
                ""
            })
    void malformedOrPlainHttpUrlsAreRefused(String url) {
        assertThat(production.problem(url)).isPresent();
    }

    @Test
    void aPublicHttpsAddressIsAllowed() {
        assertThat(production.problem("https://93.184.215.14/hooks/marketgate")).isEmpty();
    }

    @Test
    void anOverlongUrlIsRefused() {
        assertThat(production.problem("https://93.184.215.14/" + "a".repeat(UrlPolicy.MAX_URL_LENGTH)))
                .hasValueSatisfying(problem -> assertThat(problem).contains("at most"));
    }

    @Test
    void theDemoPolicyAllowsLoopbackOverHttpButNoOtherInternalAddress() {
        UrlPolicy demo = new UrlPolicy(false, true, true);
        assertThat(demo.problem("http://127.0.0.1:8080/demo/webhooks/receive")).isEmpty();
        assertThat(demo.problem("http://10.0.0.8/hook")).isPresent();
        assertThat(demo.problem("http://169.254.169.254/latest/meta-data")).isPresent();
    }

    @Test
    void anExplicitSettingAllowsPrivateAddresses() {
        assertThat(new UrlPolicy(true, false, false).problem("https://10.0.0.8/hook"))
                .isEmpty();
    }
}
