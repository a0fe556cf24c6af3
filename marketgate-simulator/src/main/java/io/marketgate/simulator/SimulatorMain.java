package io.marketgate.simulator;

import io.marketgate.simulator.control.DemoCatalog;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator as a program: {@code java -jar marketgate-simulator-<version>-standalone.jar}.
 * It serves until SIGTERM or Ctrl-C, then closes cleanly through a shutdown hook.
 */
public final class SimulatorMain {

    static final int USAGE_ERROR = 2;

    private SimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        SimulatorArgs options;
        try {
            options = SimulatorArgs.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("Run with --help to see the options.");
            System.exit(USAGE_ERROR);
            return;
        }
        if (options.help()) {
            System.out.print(SimulatorArgs.USAGE);
            return;
        }
        Simulator simulator = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            simulator.close();
                            System.out.println("Simulator stopped.");
                            stopped.countDown();
                        },
                        "simulator-shutdown"));
        stopped.await();
    }

    private static Simulator start(SimulatorArgs options) {
        if (!options.bind().isLoopbackAddress()) {
            warnNotLoopback(System.err, options.bind().getHostAddress());
        }
        Simulator simulator = options.configure(Simulator.builder()).build();
        try {
            simulator.start();
        } catch (UncheckedIOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
        if (options.seedDemo()) {
            DemoCatalog.seed(simulator.state(), options.demoFulfillmentBase());
        }
        printBanner(System.out, simulator, options);
        return simulator;
    }

    static void printBanner(PrintStream out, Simulator simulator, SimulatorArgs options) {
        String endpoint = simulator.endpoint().toString();
        out.println("Marketgate AWS Marketplace simulator");
        out.println("  AWS endpoint (--endpoint-url): " + endpoint + "  (any credentials, region us-east-1)");
        out.println("  Buyer pages:                   " + endpoint + "/buyer");
        out.println("  Control API:                   " + endpoint + "/_sim/  (no authentication, local use only)");
        if (options.seedDemo()) {
            out.println("  Demo catalogue: products " + DemoCatalog.DEMO_PRODUCT + " and " + DemoCatalog.DEMO_CONTRACT
                    + ", fulfillment URLs under " + options.demoFulfillmentBase());
        }
        out.println("Press Ctrl-C to stop.");
    }

    static void warnNotLoopback(PrintStream err, String address) {
        String rule = "*".repeat(78);
        err.println(rule);
        err.println("WARNING: listening on " + address + ", which is not a loopback address.");
        err.println("The control API (/_sim) and the buyer pages have NO authentication: anyone who can");
        err.println("reach this port can create products, mint registration tokens and move the clock.");
        err.println("Use this only on a trusted network, for local testing.");
        err.println(rule);
    }
}
