package io.marketgate.simulator.sqs;

import io.marketgate.simulator.http.Router;
import io.marketgate.simulator.sns.MarketplaceTopics;
import io.marketgate.simulator.sns.SnsEnvelopes;
import io.marketgate.simulator.sns.SnsRoutes;
import io.marketgate.simulator.sns.SnsSigningCertificate;
import io.marketgate.simulator.state.Product;
import io.marketgate.simulator.state.SimIds;
import io.marketgate.simulator.state.SimState;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Lifecycle notifications into SQS: the embedded ElasticMQ, the SNS signing certificate, the channels
 * (SNS topics, EventBridge) and their delivery settings. Events that happen while SQS is not running
 * (disabled, or before {@code start}) are not delivered.
 */
public final class Notifications implements AutoCloseable {

    /** Ids of notifications come from their own seeded stream, so notifications never shift state ids. */
    private static final long ID_STREAM = 0x5e4d_0001L;

    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());

    private final boolean sqsEnabled;
    private final int sqsPort;
    private final SigningCertificateHolder certificate = new SigningCertificateHolder();
    private final DeliveryPipeline pipeline;
    private volatile NotificationSettings settings = NotificationSettings.defaults();
    private volatile URI simulatorEndpoint;
    private volatile EmbeddedSqs sqs;
    private volatile ElasticMqClient client;

    public Notifications(SimState state, boolean sqsEnabled, int sqsPort, long seed) {
        this.sqsEnabled = sqsEnabled;
        this.sqsPort = sqsPort;
        this.pipeline = new DeliveryPipeline(seed, this::settings, this::send);
        SnsEnvelopes envelopes = new SnsEnvelopes(certificate, () -> simulatorEndpoint);
        if (sqsEnabled) {
            state.addListener(new NotificationDispatcher(
                    new MarketplaceTopics(state::buyer),
                    envelopes,
                    new SimIds(seed ^ ID_STREAM),
                    state.clock(),
                    this::settings,
                    pipeline));
        }
    }

    /** The SQS queue of a product's SNS topics: its configured queue or {@code marketgate-<code>-notifications}. */
    public static String notificationQueue(Product product) {
        return Objects.requireNonNullElse(
                product.notificationQueue(), "marketgate-" + product.code() + "-notifications");
    }

    /** The SQS queue of a product's EventBridge events: its configured queue or {@code marketgate-<code>-events}. */
    public static String eventQueue(Product product) {
        return Objects.requireNonNullElse(product.eventQueue(), "marketgate-" + product.code() + "-events");
    }

    public void register(Router router) {
        new SnsRoutes(certificate).register(router);
        new NotificationControlApi(this).register(router);
    }

    /** Starts ElasticMQ if SQS is enabled; {@code simulatorEndpoint} goes into SigningCertURL. */
    public synchronized void start(URI simulatorEndpoint) {
        this.simulatorEndpoint = simulatorEndpoint;
        if (sqsEnabled && sqs == null) {
            sqs = EmbeddedSqs.start(sqsPort);
            client = new ElasticMqClient(sqs.endpoint());
        }
    }

    /** The embedded SQS endpoint for clients; fails when SQS is disabled or not started. */
    public URI sqsEndpoint() {
        EmbeddedSqs running = sqs;
        if (running == null) {
            throw new IllegalStateException(
                    sqsEnabled ? "simulator not started" : "SQS is disabled (builder.sqs(true))");
        }
        return running.endpoint();
    }

    /** The embedded SQS endpoint while it runs; empty when SQS is disabled or stopped. */
    public Optional<URI> runningSqsEndpoint() {
        EmbeddedSqs running = sqs;
        return running == null ? Optional.empty() : Optional.of(running.endpoint());
    }

    public NotificationSettings settings() {
        return settings;
    }

    public void configure(NotificationSettings value) {
        this.settings = Objects.requireNonNull(value, "settings");
    }

    /** Releases messages held back for reordering, without waiting for the idle timeout. */
    public void flush() {
        pipeline.flush();
    }

    /** The signing certificate served at SigningCertURL, generated on first use. */
    public SnsSigningCertificate signingCertificate() {
        return certificate.get();
    }

    @Override
    public synchronized void close() {
        pipeline.close();
        if (sqs != null) {
            sqs.close();
            sqs = null;
            client = null;
        }
    }

    private void send(String queue, String body) throws Exception {
        ElasticMqClient running = client;
        if (running == null) {
            LOG.fine(() -> "SQS not running; dropped a notification for " + queue);
            return;
        }
        running.send(queue, body);
    }

    /** Generates the RSA key on first use: it takes a moment that simulators without notifications skip. */
    private static final class SigningCertificateHolder implements Supplier<SnsSigningCertificate> {
        private SnsSigningCertificate value;

        @Override
        public synchronized SnsSigningCertificate get() {
            if (value == null) {
                value = SnsSigningCertificate.generate();
            }
            return value;
        }
    }
}
