package io.marketgate.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    // The signing example published with the Standard Webhooks reference libraries.
    static final WebhookSecret SPEC_SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final Instant SPEC_TIMESTAMP = Instant.ofEpochSecond(1614265330);
    static final String SPEC_BODY = "{\"test\": 2432232314}";
    static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsTheSpecificationExampleToItsPublishedSignature() {
        var headers = WebhookSigner.of(SPEC_SECRET).headers(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY);

        assertThat(headers)
                .containsExactly(
                        java.util.Map.entry("webhook-id", SPEC_ID),
                        java.util.Map.entry("webhook-timestamp", "1614265330"),
                        java.util.Map.entry("webhook-signature", SPEC_SIGNATURE));
    }

    @Test
    void signsOnlyWholeSecondsOfTheTimestamp() {
        var signer = WebhookSigner.of(SPEC_SECRET);

        assertThat(signer.signature(SPEC_ID, SPEC_TIMESTAMP.plusMillis(999), SPEC_BODY.getBytes()))
                .isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void previousSecretAlsoSignsUntilItsOverlapEnds() {
        WebhookSecret current = WebhookSecret.generate();
        Instant overlapEnds = SPEC_TIMESTAMP.plus(Duration.ofHours(1));
        var signer = WebhookSigner.builder()
                .secret(current)
                .previousSecret(SPEC_SECRET, overlapEnds)
                .build();

        String during = signer.signature(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY.getBytes());
        String after = signer.signature(SPEC_ID, overlapEnds, SPEC_BODY.getBytes());

        assertThat(during.split(" ")).hasSize(2).endsWith(SPEC_SIGNATURE);
        assertThat(during.split(" ")[0])
                .isEqualTo(WebhookSigner.of(current).signature(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY.getBytes()));
        assertThat(after.split(" ")).hasSize(1).doesNotContain(SPEC_SIGNATURE);
    }

    @Test
    void refusesAnIdThatCouldShiftTheSignedContent() {
        var signer = WebhookSigner.of(SPEC_SECRET);

        assertThatThrownBy(() -> signer.signature("msg.1", SPEC_TIMESTAMP, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'.'");
        assertThatThrownBy(() -> signer.signature("msg 1", SPEC_TIMESTAMP, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.signature("", SPEC_TIMESTAMP, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSignerNeedsACurrentSecret() {
        assertThatThrownBy(() -> WebhookSigner.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("current secret");
    }
}
