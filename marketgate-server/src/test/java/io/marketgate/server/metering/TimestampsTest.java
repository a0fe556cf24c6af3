package io.marketgate.server.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    /** What the general parser answers: the reference the fast path must equal. */
    private static Instant reference(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    @Test
    void readsEveryTextExactlyAsInstantParseDoes() {
        List<String> texts = new ArrayList<>(List.of(
                "2026-03-01T10:15:00Z",
                "2026-03-01T10:15:00.5Z",
                "2026-03-01T10:15:00.123456789Z",
                "2026-03-01T10:15:00.1234567891Z",
                "2026-03-01T10:15:00.Z",
                "2026-03-01T10:15:00z",
                "2026-03-01T10:15:00+02:00",
                "2026-03-01T10:15:00.250-05:30",
                "2026-03-01T10:15Z",
                "2026-02-29T10:15:00Z",
                "2024-02-29T10:15:00Z",
                "2026-02-30T10:15:00Z",
                "2026-13-01T10:15:00Z",
                "2026-00-10T10:15:00Z",
                "2026-03-01T24:00:00Z",
                "2026-12-31T23:59:60Z",
                "2026-03-01T10:60:00Z",
                "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z",
                "+12026-03-01T10:15:00Z",
                "2026-03-01 10:15:00Z",
                "2026-03-01T10:15:0aZ",
                "２０２６-03-01T10:15:00Z",
                "2026-03-01",
                "",
                "yesterday"));
        Random random = new Random(20261202L);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(String.format(
                    "%04d-%02d-%02dT%02d:%02d:%02d",
                    random.nextInt(10_000),
                    random.nextInt(14),
                    random.nextInt(33),
                    random.nextInt(26),
                    random.nextInt(62),
                    random.nextInt(62)));
            int fraction = random.nextInt(11);
            if (fraction > 0) {
                text.append('.');
                for (int d = 1; d < fraction; d++) {
                    text.append(random.nextInt(10));
                }
            }
            text.append(random.nextInt(20) == 0 ? "+01:00" : "Z");
            texts.add(text.toString());
        }

        for (String text : texts) {
            assertThat(Timestamps.parse(text)).as(text).isEqualTo(reference(text));
        }
        assertThat(Timestamps.parse(null)).isNull();
    }
}
