package io.marketgate.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;

/** Plain HTTP calls to the simulator's {@code /_sim} control API, as curl would make them. */
public final class ControlApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public record Response(int status, String body) {
        public JsonNode json() {
            return RawAwsJson.JSON.readTree(body);
        }
    }

    private final URI endpoint;

    public ControlApi(Simulator sim) {
        this.endpoint = sim.endpoint();
    }

    public Response get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(endpoint.resolve(path)).GET());
    }

    public Response delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(endpoint.resolve(path)).DELETE());
    }

    public Response put(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(endpoint.resolve(path))
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"));
    }

    public Response post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(endpoint.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"));
    }

    private static Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }
}
