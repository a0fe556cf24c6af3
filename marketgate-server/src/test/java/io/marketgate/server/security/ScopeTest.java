package io.marketgate.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ScopeTest {

    @Test
    void adminGrantsEveryScopeAndOthersOnlyThemselves() {
        for (Scope required : Scope.values()) {
            assertThat(Scope.ADMIN.grants(required)).isTrue();
            for (Scope held : EnumSet.complementOf(EnumSet.of(Scope.ADMIN))) {
                assertThat(held.grants(required)).isEqualTo(held == required);
            }
        }
    }

    @Test
    void valuesRoundTrip() {
        for (Scope scope : Scope.values()) {
            assertThat(Scope.fromValue(scope.value())).contains(scope);
        }
        assertThat(Scope.fromValue("ADMIN")).isEmpty();
        assertThat(Scope.allValues()).isEqualTo("usage:write, customers:read, webhooks:manage, admin");
    }
}
