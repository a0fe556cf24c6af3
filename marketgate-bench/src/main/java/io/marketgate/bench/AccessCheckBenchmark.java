package io.marketgate.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /v1/customers/{id}/access} against {@code GET /v1/ping} of the same server in the same run
 * (same key filter and scope check; ping does nothing else). Goals: access throughput at least 0.8× ping's,
 * and at half the access throughput, access p99 within 1 ms of ping's p99. Starts the packaged server in
 * its zero-configuration demo in a temporary folder, with rate limiting off, and registers one active
 * customer directly in its database. Run with
 * {@code ./mvnw -pl marketgate-bench -am -Pbench verify -Dbench.main=io.marketgate.bench.AccessCheckBenchmark}.
 */
public final class AccessCheckBenchmark {

    private static final Duration ROUND = Duration.ofSeconds(10);
    private static final int CONCURRENCY = 8;
    private static final String LICENSE = "arn:aws:license-manager::222233334444:license:l-bench";

    private AccessCheckBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("bench.serverJar"));
        Path folder = Files.createTempDirectory("marketgate-bench");
        int port = freePort();
        Process server = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "--enable-native-access=ALL-UNNAMED",
                        "-jar",
                        jar.toString(),
                        "--server.port=" + port,
                        "--marketgate.simulator.port=0",
                        "--marketgate.simulator.sqs-port=0",
                        "--marketgate.security.rate-limit.enabled=false",
                        "--logging.level.root=WARN")
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("server.log").toFile())
                .start();
        try (HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build()) {
            String base = "http://127.0.0.1:" + port;
            awaitUp(http, base + "/actuator/health/liveness", server);
            String key = Files.readString(folder.resolve("data/demo-api-key")).strip();
            String customerId = registerActiveCustomer(folder.resolve("data/marketgate.db"));
            String ping = base + "/v1/ping";
            String access = base + "/v1/customers/" + customerId + "/access";
            String answer = send(http, access, key).body();
            System.out.println("access answer: " + answer);
            if (!answer.contains("\"allowed\":true")) {
                throw new IllegalStateException("the seeded customer is not allowed: " + answer);
            }
            closedLoop(http, ping, key, Duration.ofSeconds(5)); // warm-up
            closedLoop(http, access, key, Duration.ofSeconds(5));
            double pingRate = Math.max(closedLoop(http, ping, key, ROUND), closedLoop(http, ping, key, ROUND));
            double accessRate = Math.max(closedLoop(http, access, key, ROUND), closedLoop(http, access, key, ROUND));
            System.out.printf(
                    "throughput (closed loop, %d clients): ping %.0f/s, access %.0f/s, ratio %.2f (goal >= 0.8)%n",
                    CONCURRENCY, pingRate, accessRate, accessRate / pingRate);
            double rate = accessRate / 2;
            double pingP99 = openLoopP99(http, ping, key, rate);
            double accessP99 = openLoopP99(http, access, key, rate);
            System.out.printf(
                    "p99 at %.0f/s (half the access throughput): ping %.2f ms, access %.2f ms, difference %.2f ms (goal <= 1 ms)%n",
                    rate, pingP99, accessP99, accessP99 - pingP99);
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The demo product is license mode: a registered customer with an active subscription, as the lifecycle leaves it. */
    private static String registerActiveCustomer(Path database) throws Exception {
        String id = "cus_bench000000000000000001";
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement sql = db.createStatement()) {
            sql.execute("PRAGMA busy_timeout = 10000");
            db.setAutoCommit(false);
            long now = System.currentTimeMillis();
            sql.executeUpdate("INSERT INTO customer (id, product_id, identity_key, aws_account_id, license_arn, fields,"
                    + " registered_at) VALUES ('" + id + "', 'demo', '" + LICENSE + "', '222233334444', '" + LICENSE
                    + "', '{}', " + now + ")");
            sql.executeUpdate("UPDATE access_version SET version = version + 1");
            sql.executeUpdate(
                    "INSERT INTO subscription (product_id, subscription_key, state, customer_id, aws_account_id,"
                            + " license_arn, free_trial, active_since, created_at, updated_at, version) VALUES ('demo', '"
                            + LICENSE + "', 'active', '" + id + "', '222233334444', '" + LICENSE + "', 0, " + now + ", "
                            + now
                            + ", " + now + ", (SELECT version FROM access_version))");
            db.commit();
        }
        return id;
    }

    private static double closedLoop(HttpClient http, String url, String key, Duration duration) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CONCURRENCY; i++) {
            clients.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    HttpResponse<String> response = send(http, url, key);
                    if (response.statusCode() >= 300) {
                        throw new IllegalStateException(url + " answered " + response.statusCode());
                    }
                    done.incrementAndGet();
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        return done.get() / (duration.toNanos() / 1e9);
    }

    private static double openLoopP99(HttpClient http, String url, String key, double rate) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        long count = ROUND.toNanos() / intervalNanos;
        List<java.util.concurrent.CompletableFuture<?>> pending = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            long due = start + i * intervalNanos;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            long sentAt = System.nanoTime();
            pending.add(http.sendAsync(request(url, key), HttpResponse.BodyHandlers.ofString())
                    .thenAccept(r -> latencies.add(System.nanoTime() - sentAt)));
        }
        for (var future : pending) {
            future.join();
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6;
    }

    private static HttpRequest request(String url, String key) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + key)
                .GET()
                .build();
    }

    private static HttpResponse<String> send(HttpClient http, String url, String key) {
        try {
            return http.send(request(url, key), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitUp(HttpClient http, String url, Process server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited: see server.log in the bench folder");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not start within 3 minutes");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
