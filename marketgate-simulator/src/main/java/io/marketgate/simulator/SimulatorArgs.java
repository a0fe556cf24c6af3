package io.marketgate.simulator;

import io.marketgate.simulator.control.DemoCatalog;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The standalone simulator's command line. Unknown or malformed flags are rejected with a message
 * naming the flag ({@link IllegalArgumentException}); nothing is silently ignored.
 */
record SimulatorArgs(
        int port,
        InetAddress bind,
        boolean sqs,
        int sqsPort,
        Long seed,
        Duration tokenTtl,
        boolean strictSignatures,
        boolean seedDemo,
        String demoFulfillmentBase,
        boolean help) {

    static final String USAGE = """
            Usage: java -jar marketgate-simulator-<version>-standalone.jar [options]

            A local, wire-compatible AWS Marketplace for development and tests. It has no authentication:
            keep it on loopback (the default).

              --port N                     HTTP port for the AWS APIs, buyer pages and control API (default 4599; 0 = any free port)
              --bind ADDRESS               address to listen on (default 127.0.0.1); anything else prints a warning
              --sqs                        start the embedded SQS (ElasticMQ) for notifications
              --sqs-port N                 SQS port (default 9324)
              --seed N                     seed for generated ids and injected faults, for reproducible runs
              --token-ttl DURATION         how long a registration token resolves, ISO-8601 (default PT4H)
              --strict-signatures          check SigV4 credential scopes instead of accepting any credentials
              --seed-demo                  create the demo products and buyers at start
              --demo-fulfillment-base URL  where the demo products' fulfillment URLs point
                                           (default http://localhost:8080/marketplace/fulfillment/)
              --help                       print this help
            """;

    static SimulatorArgs parse(String... args) {
        Builder builder = new Builder();
        Deque<String> remaining = new ArrayDeque<>(List.of(args));
        while (!remaining.isEmpty()) {
            String arg = remaining.pop();
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                remaining.push(arg.substring(eq + 1));
                arg = arg.substring(0, eq);
            }
            builder.accept(arg, remaining);
        }
        return builder.build();
    }

    Simulator.Builder configure(Simulator.Builder builder) {
        builder.port(port)
                .bindAddress(bind)
                .sqs(sqs)
                .sqsPort(sqsPort)
                .tokenTtl(tokenTtl)
                .strictSignatures(strictSignatures);
        if (seed != null) {
            builder.seed(seed);
        }
        return builder;
    }

    private static final class Builder {
        private int port = SimulatorConfig.DEFAULT_PORT;
        private InetAddress bind = InetAddress.getLoopbackAddress();
        private boolean sqs;
        private int sqsPort = SimulatorConfig.DEFAULT_SQS_PORT;
        private Long seed;
        private Duration tokenTtl = Duration.ofHours(4);
        private boolean strictSignatures;
        private boolean seedDemo;
        private String demoFulfillmentBase = DemoCatalog.DEFAULT_FULFILLMENT_BASE;
        private boolean help;

        void accept(String flag, Deque<String> rest) {
            switch (flag) {
                case "--port" -> port = port(flag, value(flag, rest));
                case "--bind" -> bind = address(value(flag, rest));
                case "--sqs" -> sqs = true;
                case "--sqs-port" -> sqsPort = port(flag, value(flag, rest));
                case "--seed" -> seed = seed(value(flag, rest));
                case "--token-ttl" -> tokenTtl = duration(flag, value(flag, rest));
                case "--strict-signatures" -> strictSignatures = true;
                case "--seed-demo" -> seedDemo = true;
                case "--demo-fulfillment-base" -> demoFulfillmentBase = url(flag, value(flag, rest));
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }

        SimulatorArgs build() {
            return new SimulatorArgs(
                    port, bind, sqs, sqsPort, seed, tokenTtl, strictSignatures, seedDemo, demoFulfillmentBase, help);
        }
    }

    private static String value(String flag, Deque<String> rest) {
        if (rest.isEmpty() || rest.peek().startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return rest.pop();
    }

    private static int port(String flag, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " must be a port number from 0 to 65535, not " + value);
    }

    private static InetAddress address(String value) {
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind: cannot resolve address " + value);
        }
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be a whole number, not " + value);
        }
    }

    private static Duration duration(String flag, String value) {
        try {
            Duration duration = Duration.parse(value);
            if (duration.isPositive()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " must be a positive ISO-8601 duration such as PT4H, not " + value);
    }

    private static String url(String flag, String value) {
        if (!value.startsWith("http://") && !value.startsWith("https://")) {
            throw new IllegalArgumentException(flag + " must be an http or https URL, not " + value);
        }
        return value;
    }
}
