package io.marketgate.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSecretTest {

    @Test
    void readsTheWhsecFormAndTheBareBase64Alike() {
        var prefixed = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        var bare = WebhookSecret.parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        assertThat(prefixed.encoded()).isEqualTo("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(bare.encoded()).isEqualTo(prefixed.encoded());
    }

    @Test
    void generatedSecretsAreThirtyTwoRandomBytesThatRoundTrip() {
        var first = WebhookSecret.generate();
        var second = WebhookSecret.generate();

        assertThat(first.encoded()).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(first.encoded().substring(6))).hasSize(32);
        assertThat(WebhookSecret.parse(first.encoded()).encoded()).isEqualTo(first.encoded());
        assertThat(first.encoded()).isNotEqualTo(second.encoded());
    }

    @Test
    void toStringNeverRevealsTheKey() {
        var secret = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        assertThat(secret.toString()).doesNotContain("MfKQ9r8").contains("redacted");
    }

    @Test
    void refusesEmptyMalformedShortAndLongSecretsWithoutEchoingThem() {
        assertThatThrownBy(() -> WebhookSecret.parse(" ")).hasMessage("webhook secret is empty");
        assertThatThrownBy(() -> WebhookSecret.parse("whsec_not*base64!"))
                .hasMessageContaining("not base64")
                .hasMessageNotContaining("not*base64");
        String shortKey = Base64.getEncoder().encodeToString(new byte[23]);
        assertThatThrownBy(() -> WebhookSecret.parse("whsec_" + shortKey))
                .hasMessageContaining("24 to 64 bytes")
                .hasMessageContaining("got 23");
        assertThatThrownBy(() -> WebhookSecret.ofBytes(new byte[65])).hasMessageContaining("got 65");
    }
}
