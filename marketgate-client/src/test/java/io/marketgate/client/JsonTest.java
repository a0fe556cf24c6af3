package io.marketgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesAndReadsBackNestedValues() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("s", "quote \" backslash \\ newline \n tab \t bell \u0007 ü 日本");
        value.put("n", 12L);
        value.put("d", new BigDecimal("1.25"));
        value.put("b", true);
        value.put("null", null);
        value.put("list", Arrays.asList(1L, "two", null, List.of()));
        value.put("map", Map.of("k", "v"));

        String json = Json.write(value);

        assertThat(Json.read(json)).isEqualTo(value);
        assertThat(json).contains("\\u0007").contains("ü");
    }

    @Test
    void instantsAreWrittenAsIsoStrings() {
        assertThat(Json.write(Instant.parse("2026-12-02T07:00:00Z"))).isEqualTo("\"2026-12-02T07:00:00Z\"");
    }

    @Test
    void readsEscapesWhitespaceAndNumbers() {
        assertThat(Json.read(" { \"a\" : [ 1 , -2.5e1 , 1.0 , 12345678901234567890 ] , \"u\":\"\\u00e9\\/\" } "))
                .isEqualTo(Map.of("a", List.of(1L, -25L, 1L, new BigDecimal("12345678901234567890")), "u", "é/"));
    }

    @Test
    void malformedJsonIsRefusedWithAPosition() {
        for (String bad : new String[] {"", "{", "{\"a\":}", "[1,]", "tru", "{\"a\":1} x", "\"\\x\"", "{1:2}"}) {
            assertThatThrownBy(() -> Json.read(bad)).as(bad).hasMessageStartingWith("invalid JSON at character");
        }
        assertThatThrownBy(() -> Json.read("[".repeat(100) + "]".repeat(100))).hasMessageContaining("deeply");
    }
}
