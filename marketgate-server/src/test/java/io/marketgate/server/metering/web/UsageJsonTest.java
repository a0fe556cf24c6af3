package io.marketgate.server.metering.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.server.metering.UsageInput;
import io.marketgate.server.shared.InvalidInputException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class UsageJsonTest {

    private static UsageInput one(String quantity) {
        return UsageJson.fromEnvelope("{\"events\":[{\"id\":\"e\",\"customer\":\"c\",\"dimension\":\"d\",\"quantity\":"
                        + quantity + ",\"timestamp\":\"2026-03-10T10:00:00Z\"}]}")
                .get(0);
    }

    @Test
    void quantitiesBeyondADoubleAreReadExactlySoTheRulesCanNameThem() {
        assertThat(one("1e400").quantity()).isEqualByComparingTo(new BigDecimal("1e400"));
        assertThat(one("-1e400").quantity()).isEqualByComparingTo(new BigDecimal("-1e400"));
        assertThat(one("1.5").quantity()).isEqualByComparingTo(new BigDecimal("1.5"));
        assertThat(one("2147483647").quantity()).isEqualByComparingTo(new BigDecimal("2147483647"));
    }

    @Test
    void aNumberBeyondEvenADecimalsLimitsIsABadRequestOrABadLineNeverAnInternalError() {
        assertThatThrownBy(() -> one("1e99999999999"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("body");
        UsageInput line = UsageJson.fromNdjson(
                        "{\"id\":\"n\",\"quantity\":1e99999999999}\n{\"id\":\"m\",\"quantity\":1}")
                .get(0);
        assertThat(line.shapeError()).contains("line 1").contains("2147483647");
    }
}
