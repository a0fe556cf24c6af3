package io.marketgate.server;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The real server in its own JVM on a data folder that outlives it, for tests that kill it ({@code kill -9})
 * and start it again on the same database: either the zero-configuration demo (its simulator embedded, so
 * it dies with the server) or configured products against a standalone simulator that outlives every start.
 * Loopback only; every process it starts is ended by its id.
 */
public final class ServerProcess implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder;
    private final List<String> arguments;
    private final String bootstrapKey;
    private final int port;
    private volatile Process process; // a test may kill it from another thread
    private int starts;

    /** The demo: the embedded simulator on free ports, and the demo key the server writes into {@code folder}. */
    public ServerProcess(Path folder, String... arguments) {
        this(
                folder,
                null,
                List.of("--marketgate.simulator.port=" + freePort(), "--marketgate.simulator.sqs-port=" + freePort()),
                arguments);
    }

    private ServerProcess(Path folder, String bootstrapKey, List<String> mode, String... arguments) {
        this.folder = folder.toAbsolutePath();
        this.bootstrapKey = bootstrapKey;
        List<String> all = new ArrayList<>(mode);
        all.addAll(List.of(arguments));
        this.arguments = List.copyOf(all);
        this.port = freePort();
    }

    /**
     * The products configured by {@code arguments}, their AWS calls sent to a standalone {@code simulator} (the
     * embedded one off, so the simulator's ledger and request log outlive a killed server), and a bootstrap
     * {@code admin} key made here ({@link #apiKey()}).
     */
    public static ServerProcess against(URI simulator, Path folder, String... arguments) {
        String idPart = randomIdPart();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key =
                "mg_" + idPart + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new ServerProcess(
                folder,
                key,
                List.of(
                        "--marketgate.simulator.embedded=false",
                        "--marketgate.aws.endpoint-override=" + simulator,
                        "--marketgate.aws.simulator-credentials=true",
                        "--marketgate.security.bootstrap-key.id=key_" + idPart,
                        "--marketgate.security.bootstrap-key.sha256=" + sha256(key)),
                arguments);
    }

    /** Starts the server and waits until it answers its liveness probe. */
    public ServerProcess start() throws IOException {
        Files.createDirectories(folder);
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "-Xshare:auto",
                // C1 only: these servers live for seconds, so startup costs more than peak speed (about a third
                // less CPU to start).
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                MarketgateApplication.class.getName(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--marketgate.database.sqlite-path=" + folder.resolve("marketgate.db")));
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

    /** An {@code admin} key: the bootstrap key, or the demo's, which the server writes into its folder at first start. */
    public String apiKey() throws IOException {
        return bootstrapKey != null
                ? bootstrapKey
                : Files.readString(folder.resolve("demo-api-key")).trim();
    }

    /** Whether the last started process still runs. */
    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    private Path log() {
        return folder.resolve("server-" + starts + ".log");
    }

    private static String randomIdPart() {
        String base32 = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            id.append(base32.charAt(RANDOM.nextInt(base32.length())));
        }
        return id.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
