package io.marketgate.server.security.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.RefusedStartup;
import io.marketgate.server.RefusedStartup.Result;
import org.junit.jupiter.api.Test;

/** A broken key setting stops startup with one line naming the property, and no stack trace. */
class SecuritySettingsStartupTest {

    @Test
    void aBootstrapKeyHashThatIsNotSha256StopsStartup() throws Exception {
        Result result = RefusedStartup.run(
                "--marketgate.security.bootstrap-key.id=key_abcdefghij234567",
                "--marketgate.security.bootstrap-key.sha256=mg_abcdefghij234567_thisIsTheClearKeyNotItsHash");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.failureLines())
                .singleElement()
                .asString()
                .contains("marketgate.security.bootstrap-key")
                .contains("sha256sum")
                .doesNotContain("thisIsTheClearKeyNotItsHash");
        assertThat(result.stderr()).doesNotContain("\tat ");
    }
}
