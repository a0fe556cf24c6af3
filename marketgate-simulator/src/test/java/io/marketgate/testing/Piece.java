package io.marketgate.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Something outside the JVM that some tests need, how to find it and how to get it. */
public enum Piece {
    POSTGRESQL(
            "PostgreSQL at " + Pieces.postgresHostPort(),
            "start it (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)"
                    + " or set MARKETGATE_TEST_POSTGRES_URL") {
        @Override
        boolean present() {
            return Pieces.canConnect(Pieces.postgresHostPort());
        }
    },
    CHROMIUM("Chromium", "apt-get install -y chromium (or set MARKETGATE_TEST_CHROMIUM)") {
        @Override
        boolean present() {
            return Pieces.chromium().isPresent();
        }
    },
    AWS_CLI_V2("AWS CLI v2", "apt-get install -y awscli (Debian's package is v2)") {
        @Override
        boolean present() {
            return Pieces.awsCliV2().isPresent();
        }
    };

    private final String label;
    private final String howToGet;

    Piece(String label, String howToGet) {
        this.label = label;
        this.howToGet = howToGet;
    }

    abstract boolean present();

    String missingMessage() {
        return label + " not available: " + howToGet;
    }

    /** Lookups shared by the pieces; public so tests can reach the located executables. */
    public static final class Pieces {
        private Pieces() {}

        /** JDBC URL of the test PostgreSQL database. */
        public static String postgresUrl() {
            return Optional.ofNullable(System.getenv("MARKETGATE_TEST_POSTGRES_URL"))
                    .orElse("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        }

        static String postgresHostPort() {
            String rest = postgresUrl().replaceFirst("^jdbc:postgresql://", "");
            int end = rest.indexOf('/');
            return end < 0 ? rest : rest.substring(0, end);
        }

        static boolean canConnect(String hostPort) {
            String[] parts = hostPort.split(":");
            int port = parts.length > 1 ? Integer.parseInt(parts[1]) : 5432;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(parts[0], port), 1000);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        /** The Chromium executable, if installed. */
        public static Optional<Path> chromium() {
            return firstExecutable(
                    System.getenv("MARKETGATE_TEST_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser");
        }

        /** An AWS CLI whose major version is 2 (an older v1 may come first on PATH). */
        public static Optional<Path> awsCliV2() {
            return firstExecutable(System.getenv("MARKETGATE_TEST_AWS_CLI"), "/usr/bin/aws", "/usr/local/bin/aws")
                    .filter(Pieces::isVersion2);
        }

        private static boolean isVersion2(Path aws) {
            try {
                Process process = new ProcessBuilder(aws.toString(), "--version")
                        .redirectErrorStream(true)
                        .start();
                String out = new String(process.getInputStream().readAllBytes());
                return process.waitFor(30, TimeUnit.SECONDS) && out.startsWith("aws-cli/2.");
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private static Optional<Path> firstExecutable(String... candidates) {
            for (String candidate : candidates) {
                if (candidate != null && Files.isExecutable(Path.of(candidate))) {
                    return Optional.of(Path.of(candidate));
                }
            }
            return Optional.empty();
        }
    }
}
