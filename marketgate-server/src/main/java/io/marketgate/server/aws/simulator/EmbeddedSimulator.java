package io.marketgate.server.aws.simulator;

import io.marketgate.server.aws.config.SimulatorProperties;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.DimensionType;
import io.marketgate.server.product.Product;
import io.marketgate.server.shared.InvalidConfigurationException;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.Dimension;
import io.marketgate.simulator.state.IdentityMode;
import io.marketgate.simulator.state.PricingModel;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS Marketplace simulator running inside Marketgate, for the zero-configuration demo and local
 * development. Started only for the demo catalogue or when {@code marketgate.simulator.embedded=true}.
 */
public final class EmbeddedSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSimulator.class);

    private final Simulator simulator;
    private final Catalog catalog;

    private EmbeddedSimulator(Simulator simulator, Catalog catalog) {
        this.simulator = simulator;
        this.catalog = catalog;
    }

    /** Starts the simulator if the configuration asks for it (explicitly, or implicitly by the demo catalogue). */
    public static Optional<EmbeddedSimulator> startIfWanted(SimulatorProperties properties, Catalog catalog) {
        boolean wanted = properties.embedded() != null ? properties.embedded() : catalog.isDemo();
        if (!wanted) {
            return Optional.empty();
        }
        InetAddress bindAddress = loopbackOrAllowed(properties);
        Simulator.Builder builder = Simulator.builder()
                .bindAddress(bindAddress)
                .port(properties.port())
                .sqs(true)
                .sqsPort(properties.sqsPort());
        if (properties.seed() != null) {
            builder.seed(properties.seed());
        }
        Simulator simulator = builder.build().start();
        if (!catalog.isDemo()) {
            LOG.warn("marketgate.simulator.embedded=true: AWS calls for the configured products go to the embedded"
                    + " simulator, NOT to AWS. Nothing is billed. Never use this setting in production.");
        }
        exposureWarning(properties).ifPresent(LOG::warn);
        LOG.info(
                "Embedded AWS Marketplace simulator (local use only) at {}, its SQS at {}",
                simulator.endpoint(),
                simulator.sqsEndpoint());
        return Optional.of(new EmbeddedSimulator(simulator, catalog));
    }

    /** Lists the catalogue's products in the simulator, with fulfillment URLs on Marketgate's own port. */
    public void listProducts(URI marketgateBaseUrl) {
        for (Product product : catalog.products()) {
            String fulfillment = marketgateBaseUrl
                    .resolve("/marketplace/fulfillment/" + product.id())
                    .toString();
            simulator
                    .state()
                    .putProduct(new io.marketgate.simulator.state.Product(
                            product.productCode(),
                            "Marketgate " + product.id(),
                            product.seller().accountId(),
                            IdentityMode.valueOf(product.identityMode().name()),
                            PricingModel.valueOf(product.pricingModel().name()),
                            product.dimensions().stream()
                                    .map(d -> new Dimension(d.key(), d.unit(), d.type() == DimensionType.METERED))
                                    .toList(),
                            fulfillment,
                            notificationQueueName(product),
                            notificationQueueName(product)));
        }
        LOG.info(
                "Subscribe as a buyer at {}/buyer (the form POST lands on {}/marketplace/fulfillment/...)",
                simulator.endpoint(),
                marketgateBaseUrl);
    }

    public URI endpoint() {
        return simulator.endpoint();
    }

    /** Its embedded SQS (ElasticMQ), where lifecycle notifications of the simulated products arrive. */
    public URI sqsEndpoint() {
        return simulator.sqsEndpoint();
    }

    public Simulator simulator() {
        return simulator;
    }

    @Override
    public void close() {
        simulator.close();
    }

    /**
     * The simulator's queue for a product's lifecycle notifications. SNS messages and EventBridge events share
     * it, as they share the one queue a product is configured with in production.
     */
    public static String notificationQueueName(Product product) {
        return "marketgate-" + product.id().toLowerCase(Locale.ROOT) + "-notifications";
    }

    /**
     * The configured bind address (not the endpoint it is later rewritten to), refused unless it is a
     * loopback address or remote access is explicitly allowed: a wildcard or LAN address would hand the
     * unauthenticated control API and STS to the network.
     */
    static InetAddress loopbackOrAllowed(SimulatorProperties properties) {
        InetAddress address = address(properties.bindAddress());
        if (!address.isLoopbackAddress() && !properties.allowRemote()) {
            throw new InvalidConfigurationException(
                    "marketgate.simulator.bind-address",
                    "is " + properties.bindAddress() + ", not a loopback address"
                            + (address.isAnyLocalAddress() ? " (a wildcard listens on every interface)" : "")
                            + ": the simulator's control API and STS have no authentication",
                    "use 127.0.0.1, or set marketgate.simulator.allow-remote=true to expose it on purpose");
        }
        return address;
    }

    /** The warning for an allowed remote bind, judged on the configured address, not the endpoint URL. */
    static Optional<String> exposureWarning(SimulatorProperties properties) {
        if (address(properties.bindAddress()).isLoopbackAddress()) {
            return Optional.empty();
        }
        return Optional.of("The embedded simulator listens on " + properties.bindAddress()
                + " (marketgate.simulator.allow-remote=true): its control API and STS have no authentication;"
                + " anyone who reaches that address can use them");
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new InvalidConfigurationException(
                    "marketgate.simulator.bind-address", "unknown host " + host, "use 127.0.0.1");
        }
    }
}
