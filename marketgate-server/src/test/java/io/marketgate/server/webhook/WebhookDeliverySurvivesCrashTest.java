package io.marketgate.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marketgate.server.ServerProcess;
import io.marketgate.server.TestDataFolder;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A receiver fails every delivery while the server is killed ({@code kill -9}) with deliveries pending and in
 * flight; once it recovers and the server runs again on the same database, it gets every event.
 */
class WebhookDeliverySurvivesCrashTest {

    private static final int EVENTS = 20;
    private static final Pattern ID = Pattern.compile("\"id\":\"(whe_[0-9a-f]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyEventReachesTheReceiverAfterTheServerIsKilledMidDelivery() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
                ServerProcess server = new ServerProcess(
                        TestDataFolder.fresh(),
                        "--marketgate.webhooks.lease=1s",
                        "--marketgate.webhooks.poll-interval=100ms",
                        "--marketgate.webhooks.retry-schedule=200ms,300ms,500ms,1s,1s,1s,1s,1s,1s,1s")) {
            server.start();
            String key = server.apiKey();
            receiver.failNext(Integer.MAX_VALUE);
            String endpoint = createEndpoint(server, key, receiver.url());
            for (int i = 0; i < EVENTS; i++) {
                assertThat(post(server, key, "/v1/webhooks/" + endpoint + "/test", null)
                                .statusCode())
                        .isEqualTo(202);
            }

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.received().size() >= EVENTS);
            server.kill();
            assertThat(ids(receiver.accepted()))
                    .as("nothing delivered while the receiver failed")
                    .isEmpty();
            receiver.failNext(0);
            server.start();

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> ids(receiver.accepted()).size() == EVENTS);
        }
    }

    private static Set<String> ids(List<WebhookReceiver.Received> received) {
        Set<String> ids = new HashSet<>();
        received.stream()
                .filter(r -> r.body().contains("\"type\":\"webhook.test\""))
                .forEach(r -> ids.add(r.headers().get("webhook-id")));
        return ids;
    }

    private String createEndpoint(ServerProcess server, String key, String url) throws Exception {
        HttpResponse<String> created =
                post(server, key, "/v1/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"customer.registered\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher id = ID.matcher(created.body());
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    private HttpResponse<String> post(ServerProcess server, String key, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url(path)).header("Authorization", "Bearer " + key);
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
