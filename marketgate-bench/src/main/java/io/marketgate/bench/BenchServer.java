package io.marketgate.bench;

import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.Dimension;
import io.marketgate.simulator.state.IdentityMode;
import io.marketgate.simulator.state.PricingModel;
import io.marketgate.simulator.state.Product;
import io.marketgate.simulator.state.SubscribeOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
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
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server started as its own process on loopback, pointed at a standalone simulator of this JVM
 * (as a production database requires), with one license-mode subscription product and a bootstrap
 * {@code admin} key generated here. Closing it stops the server and the simulator.
 */
final class BenchServer implements AutoCloseable {

    static final String SELLER = "111122223333";
    static final String PRODUCT = "bench";
    static final String PRODUCT_CODE = "bench-code";
    static final List<String> DIMENSIONS = List.of("requests", "storage");

    final Simulator simulator;
    final Path folder;
    final String base;
    final String key;
    final HttpClient http;
    private final List<String> command;

    private volatile Process process;

    private BenchServer(
            Simulator simulator, Path folder, String base, String key, HttpClient http, List<String> command) {
        this.simulator = simulator;
        this.folder = folder;
        this.base = base;
        this.key = key;
        this.http = http;
        this.command = command;
    }

    /** Ends this JVM (and, through the shutdown hook, the server) if the benchmark runs longer than {@code limit}. */
    static void stopAfter(Duration limit) {
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(limit);
            } catch (InterruptedException done) {
                return;
            }
            System.out.println("STOPPED: the benchmark ran longer than " + limit + " (no figure)");
            System.exit(2);
        });
    }

    /** Starts a simulator and the server on {@code database}, with extra server arguments; waits until it is live. */
    static BenchServer start(BenchDatabase database, List<String> extraArgs) throws Exception {
        return start(database, List.of(), extraArgs);
    }

    /** As {@link #start(BenchDatabase, List)}, with options for the server's JVM. */
    static BenchServer start(BenchDatabase database, List<String> jvmOptions, List<String> extraArgs) throws Exception {
        Path jar = Path.of(System.getProperty("bench.serverJar"));
        Path folder = Files.createTempDirectory("marketgate-bench");
        Files.createDirectories(folder.resolve("data"));
        Simulator simulator = Simulator.builder().port(0).seed(5).build().start();
        simulator
                .state()
                .putProduct(new Product(
                        PRODUCT_CODE,
                        PRODUCT,
                        SELLER,
                        IdentityMode.LICENSE,
                        PricingModel.SUBSCRIPTION,
                        DIMENSIONS.stream().map(d -> new Dimension(d, d, true)).toList(),
                        "http://127.0.0.1/fulfillment",
                        "q",
                        "q"));
        String keyId = randomId();
        String key =
                "mg_" + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
        int port = freePort();
        List<String> command = new ArrayList<>(
                List.of(ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--marketgate.simulator.embedded=false",
                "--marketgate.aws.endpoint-override=" + simulator.endpoint(),
                "--marketgate.aws.simulator-credentials=true",
                "--marketgate.sellers.seller.account-id=" + SELLER,
                "--marketgate.products." + PRODUCT + ".product-code=" + PRODUCT_CODE,
                "--marketgate.products." + PRODUCT + ".identity-mode=license",
                "--marketgate.products." + PRODUCT + ".pricing-model=subscription",
                "--marketgate.security.rate-limit.enabled=false",
                "--marketgate.security.bootstrap-key.id=key_" + keyId,
                "--marketgate.security.bootstrap-key.sha256=" + sha256(key),
                "--marketgate.metering.zero-records=false",
                "--logging.level.root=WARN"));
        for (int i = 0; i < DIMENSIONS.size(); i++) {
            command.add("--marketgate.products." + PRODUCT + ".dimensions[" + i + "].key=" + DIMENSIONS.get(i));
        }
        command.addAll(database.serverArgs(folder));
        command.addAll(extraArgs);
        HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        BenchServer server = new BenchServer(simulator, folder, "http://127.0.0.1:" + port, key, http, command);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (server.process != null) {
                server.process.destroyForcibly();
            }
        }));
        try {
            server.launch();
        } catch (Exception e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * Ends the server at once, as {@code kill -9} does, runs {@code whileDown}, and starts it again on the same
     * data; waits until it is live.
     */
    void killAndRestart(Runnable whileDown) throws Exception {
        process.destroyForcibly();
        process.waitFor();
        whileDown.run();
        launch();
    }

    private void launch() throws Exception {
        process = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        folder.resolve("server.log").toFile()))
                .start();
        awaitUp();
    }

    private void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * {@code count} buyers subscribe in the simulator (its clock set back, so their licenses were active
     * {@code ago} before now) and are registered with the server as active customers; returns their licenses.
     */
    List<String> seedCustomers(BenchDatabase database, int count, Duration ago) throws Exception {
        List<String> licenses = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        Instant since = Instant.now().minus(ago);
        simulator.clock().advance(ago.negated());
        try {
            for (int i = 0; i < count; i++) {
                String account = String.format("9%011d", i);
                accounts.add(account);
                licenses.add(simulator
                        .state()
                        .subscribe(PRODUCT_CODE, account, SubscribeOptions.standard())
                        .agreement()
                        .licenseArn());
            }
        } finally {
            simulator.clock().advance(ago);
        }
        try (Connection db = database.connect(folder)) {
            BenchDatabase.registerActiveCustomers(database, db, licenses, accounts, since);
        }
        // The server's views of customers catch up with the database within moments.
        String probe = "{\"events\":[{\"id\":\"probe\",\"customer\":\"" + BenchDatabase.customerId(count - 1)
                + "\",\"dimension\":\"" + DIMENSIONS.get(0) + "\",\"quantity\":0,\"timestamp\":\""
                + Instant.now().minusSeconds(5) + "\"}]}";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String answer;
        while (!(answer = postUsage(probe)).contains("\"accepted\":1") && !answer.contains("\"duplicate\":1")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the seeded customers are not accepted: " + answer);
            }
            Thread.sleep(100);
        }
        return licenses;
    }

    /**
     * POSTs a {@code /v1/usage} body; fails unless the answer is 200. A plain blocking connection, kept alive
     * between calls: the lightest client the JDK has, so that ingest figures measure the server rather than
     * the asynchronous client's own hand-offs (SQLite: 0.49-0.55 through the asynchronous client, 0.56 twice
     * through this one, on a quiet machine).
     */
    String postUsage(String json) throws IOException {
        HttpURLConnection connection =
                (HttpURLConnection) URI.create(base + "/v1/usage").toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Authorization", "Bearer " + key);
        connection.setRequestProperty("Content-Type", "application/json");
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        connection.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            String answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status != 200) {
                throw new IllegalStateException("/v1/usage answered " + status + ": " + answer);
            }
            return answer;
        }
    }

    private void awaitUp() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        URI liveness = URI.create(base + "/actuator/health/liveness");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited: see " + folder.resolve("server.log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(liveness).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not start within 2 minutes");
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        http.close();
        simulator.close();
    }

    private static String randomId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder id = new StringBuilder();
        for (byte b : bytes(16)) {
            id.append(alphabet.charAt((b & 0xff) % alphabet.length()));
        }
        return id.toString();
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
