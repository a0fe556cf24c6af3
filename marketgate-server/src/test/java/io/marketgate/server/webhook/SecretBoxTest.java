package io.marketgate.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Signing secrets are stored encrypted, bound to their endpoint. */
class SecretBoxTest {

    private final byte[] key = filled((byte) 7);
    private final SecretBox box = new SecretBox(key);

    @Test
    void aSealedSecretOpensForItsEndpointAndDoesNotShowTheSecret() {
        String sealed = box.seal("whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0", "whe_1");

        assertThat(sealed).startsWith("v1:").doesNotContain("c2VjcmV0");
        assertThat(box.open(sealed, "whe_1")).isEqualTo("whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0");
        assertThat(box.seal("whsec_x", "whe_1")).isNotEqualTo(box.seal("whsec_x", "whe_1"));
    }

    @Test
    void aSealedSecretCopiedToAnotherEndpointDoesNotOpen() {
        String sealed = box.seal("whsec_abc", "whe_1");

        assertThatThrownBy(() -> box.open(sealed, "whe_2")).hasMessageContaining("whe_2");
    }

    @Test
    void anotherKeyDoesNotOpenIt() {
        String sealed = box.seal("whsec_abc", "whe_1");

        assertThatThrownBy(() -> new SecretBox(filled((byte) 8)).open(sealed, "whe_1"))
                .hasMessageContaining("encryption-key");
    }

    @Test
    void aKeyOfTheWrongSizeIsRefused() {
        assertThatThrownBy(() -> new SecretBox(new byte[16])).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretBox.ofBase64("not base64!")).hasMessageContaining("base64");
    }

    private static byte[] filled(byte value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
