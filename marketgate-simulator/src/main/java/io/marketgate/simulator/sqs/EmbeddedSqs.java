package io.marketgate.simulator.sqs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ in-process, on loopback: an SQS endpoint that AWS SDK and CLI clients use unchanged. Starting
 * it takes a second or two, so the simulator starts it only when SQS is enabled.
 */
public final class EmbeddedSqs implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";
    private final SQSRestServer server;
    private final int port;

    private EmbeddedSqs(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts ElasticMQ on the port (0 picks a free one) and waits until it answers. */
    public static EmbeddedSqs start(int requestedPort) {
        int port = requestedPort == 0 ? freePort() : requestedPort;
        try {
            // The server address is what ElasticMQ writes into queue URLs; it must be the real port.
            SQSRestServer server = SQSRestServerBuilder.withInterface(LOOPBACK)
                    .withPort(port)
                    .withServerAddress(new NodeAddress("http", LOOPBACK, port, ""))
                    .withAWSRegion("us-east-1")
                    .start();
            server.waitUntilStarted();
            return new EmbeddedSqs(server, port);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "cannot start the embedded SQS (ElasticMQ) on " + LOOPBACK + ":" + port
                            + " (is another simulator or ElasticMQ running? set sqsPort to 0 for a free port)",
                    e);
        }
    }

    public URI endpoint() {
        return URI.create("http://" + LOOPBACK + ":" + port);
    }

    @Override
    public void close() {
        server.stopAndWait();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port for the embedded SQS", e);
        }
    }
}
