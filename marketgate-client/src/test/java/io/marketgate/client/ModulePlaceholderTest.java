package io.marketgate.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Placeholder until this module's issue lands: checks the module builds on the Java 21 toolchain. */
class ModulePlaceholderTest {

    @Test
    void moduleIsCompiledForJava21OrNewer() {
        assertThat(Runtime.version().feature()).isGreaterThanOrEqualTo(21);
    }
}
