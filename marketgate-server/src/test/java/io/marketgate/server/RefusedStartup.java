package io.marketgate.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the real server in its own JVM, as an operator would, for configurations that must stop startup;
 * on free ports and a fresh SQLite file.
 */
public final class RefusedStartup {

    private RefusedStartup() {}

    /** How the process ended: its exit code and standard error. */
    public record Result(int exitCode, String stderr) {
        /** The one-line startup failure reports. */
        public List<String> failureLines() {
            return stderr.lines()
                    .filter(line -> line.startsWith("Marketgate did not start:"))
                    .toList();
        }
    }

    /** Runs the server with {@code arguments} until it exits (at most 60 s). */
    public static Result run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                MarketgateApplication.class.getName(),
                "--server.port=0",
                "--marketgate.simulator.port=0",
                "--marketgate.simulator.sqs-port=0",
                "--marketgate.database.sqlite-path=" + TestDataFolder.fresh().resolve("marketgate.db")));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("server did not stop within 60 s; stderr: " + stderr);
        }
        return new Result(process.exitValue(), stderr);
    }
}
