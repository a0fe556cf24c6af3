package io.marketgate.server.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.aws.AwsClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** In the zero-configuration demo, moving the simulator's clock moves Marketgate's, so an hour closes in one call. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoClockFollowsSimulatorTest {

    @Autowired
    Clock clock;

    @Autowired
    AwsClients aws;

    @Test
    void advancingTheSimulatorClockAdvancesTheApplicationClock() throws Exception {
        URI simulator = aws.endpoints().marketplace().orElseThrow();
        Instant before = clock.instant();
        advance(simulator, 3600);
        try {
            assertThat(Duration.between(before, clock.instant())).isGreaterThanOrEqualTo(Duration.ofHours(1));
        } finally {
            advance(simulator, -3600); // the test context is shared: leave the clock where other tests expect it
        }
        assertThat(Duration.between(before, clock.instant())).isLessThan(Duration.ofHours(1));
    }

    private static void advance(URI simulator, long seconds) throws Exception {
        HttpResponse<String> moved = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(simulator.resolve("/_sim/clock"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"advanceSeconds\": " + seconds + "}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    }
}
