package io.marketgate.server.shared.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PropertyBindingFailureAnalyzerTest {

    @Test
    void secretValuesAreMaskedInTheStartupLine() {
        assertThat(PropertyBindingFailureAnalyzer.shown("marketgate.sellers.acme.external-id", "partner-42"))
                .isEqualTo("******");
        assertThat(PropertyBindingFailureAnalyzer.shown("marketgate.webhooks.signing-key", "whsec_abc"))
                .isEqualTo("******");
    }

    @Test
    void ordinaryValuesAreShownSoTheOperatorSeesTheMistake() {
        assertThat(PropertyBindingFailureAnalyzer.shown("marketgate.products.a.identity-mode", "foo"))
                .isEqualTo("foo");
        assertThat(PropertyBindingFailureAnalyzer.shown("marketgate.products.a.dimensions[0].key", "requests"))
                .isEqualTo("requests");
    }
}
