package io.marketgate.server;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The real server in its own JVM on a data folder that outlives it, for tests that kill it ({@code kill -9})
 * and start it again on the same database. Loopback only; every process it starts is ended by its id.
 */
public final class ServerProcess implements AutoCloseable {

    private final Path folder;
    private final List<String> arguments;
    private final int port;
    private final int simulatorPort;
    private final int sqsPort;
    private Process process;
    private int starts;

    public ServerProcess(Path folder, String... arguments) {
        this.folder = folder.toAbsolutePath();
        this.arguments = List.of(arguments);
        this.port = freePort();
        this.simulatorPort = freePort();
        this.sqsPort = freePort();
    }

    /** Starts the server and waits until it answers its liveness probe. */
    public ServerProcess start() throws IOException {
        Files.createDirectories(folder);
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "-Xshare:auto",
                "-cp",
                System.getProperty("java.class.path"),
                MarketgateApplication.class.getName(),
                "--server.port=" + port,
                "--marketgate.database.sqlite-path=" + folder.resolve("marketgate.db"),
                "--marketgate.simulator.port=" + simulatorPort,
                "--marketgate.simulator.sqs-port=" + sqsPort));
        command.addAll(arguments);
        starts++;
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("server-" + starts + ".log").toFile())
                .start();
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("the server exited with " + process.exitValue() + "; see " + log());
                    }
                    try {
                        HttpRequest probe = HttpRequest.newBuilder(url("/actuator/health/liveness"))
                                .timeout(Duration.ofSeconds(2))
                                .build();
                        return http.send(probe, HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
        return this;
    }

    /** Ends the process at once, as {@code kill -9} does: no shutdown hooks, no graceful stop. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public int port() {
        return port;
    }

    public Path folder() {
        return folder;
    }

    /** The demo's admin key, which the server writes into its data folder at first start. */
    public String demoApiKey() throws IOException {
        return Files.readString(folder.resolve("demo-api-key")).trim();
    }

    private Path log() {
        return folder.resolve("server-" + starts + ".log");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on loopback", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
