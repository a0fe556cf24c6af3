package io.marketgate.bench;

import com.sun.net.httpserver.HttpServer;
import io.marketgate.simulator.Simulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * How long the simulator takes to start and stop without SQS, as a ratio to a bare JDK HTTP server started
 * and stopped in the same run (the baseline absorbs the machine's noise). Target: well under a second, and
 * a small multiple of the baseline. Run with {@code ./mvnw -pl marketgate-bench -am -Pbench verify}.
 */
public final class SimulatorStartupBenchmark {

    private static final int WARMUP = 20;
    private static final int RUNS = 50;

    private SimulatorStartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        Callable<Void> baseline = SimulatorStartupBenchmark::bareHttpServer;
        Callable<Void> simulator = SimulatorStartupBenchmark::simulatorWithoutSqs;
        // Cold: the first start in a fresh JVM, class loading included, which is what a test or a user waits for.
        double[] coldBase = measure(baseline, 1);
        double[] coldSim = measure(simulator, 1);
        report("cold: bare JDK HttpServer, first start in this JVM", coldBase, coldBase[0]);
        report("cold: simulator without SQS, first start in this JVM", coldSim, coldBase[0]);
        measure(baseline, WARMUP);
        measure(simulator, WARMUP);
        double[] base = measure(baseline, RUNS);
        double[] sim = measure(simulator, RUNS);
        double[] withSqs = measure(SimulatorStartupBenchmark::simulatorWithSqs, 3);
        report("bare JDK HttpServer start+stop (baseline)", base, median(base));
        report("simulator start+stop, no SQS", sim, median(base));
        report("simulator start+stop, with embedded SQS (3 runs)", withSqs, median(base));
    }

    private static Void bareHttpServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> exchange.close());
        server.start();
        server.stop(0);
        return null;
    }

    private static Void simulatorWithoutSqs() {
        Simulator.builder().port(0).seed(1).build().start().close();
        return null;
    }

    private static Void simulatorWithSqs() {
        Simulator.builder().port(0).sqs(true).sqsPort(0).seed(1).build().start().close();
        return null;
    }

    private static double[] measure(Callable<Void> action, int runs) throws Exception {
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            action.call();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        return millis;
    }

    private static void report(String name, double[] millis, double baselineMedian) {
        double median = median(millis);
        System.out.printf(
                "%-58s median %8.2f ms  min %8.2f ms  max %8.2f ms  ratio to baseline %6.1fx%n",
                name,
                median,
                Arrays.stream(millis).min().orElse(0),
                Arrays.stream(millis).max().orElse(0),
                median / baselineMedian);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
