package io.marketgate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class SimulatorLifecycleTest {

    @Test
    void startsOnLoopbackAndAnswersUnknownPathsWithJsonNotFound() throws Exception {
        try (Simulator sim = Simulator.builder().port(0).build().start()) {
            assertThat(sim.endpoint().getHost()).isEqualTo("127.0.0.1");
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(sim.endpoint() + "/nowhere"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("\"__type\":\"NotFound\"");
        }
    }
}
